/// The optimizers by name, as the shell and lessons choose them (`opt adamw`).
public enum OptimizerKind: String, Sendable, CaseIterable {
    case sgd, momentum, nesterov, adam, adamw

    /// Builds the optimizer over `groups`. SGD's momentum is `momentum` when given, else 0
    /// for `sgd` and 0.9 for `momentum` and `nesterov`.
    public func make(groups: [ParamGroup], momentum: Float? = nil) -> Optimizer {
        switch self {
        case .sgd: SGD(groups: groups, momentum: momentum ?? 0)
        case .momentum: SGD(groups: groups, momentum: momentum ?? 0.9)
        case .nesterov: SGD(groups: groups, momentum: momentum ?? 0.9, nesterov: true)
        case .adam: Adam(groups: groups)
        case .adamw: Adam.adamW(groups: groups)
        }
    }
}
