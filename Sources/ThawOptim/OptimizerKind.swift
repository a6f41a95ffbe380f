/// The optimizers by name, as the shell and lessons choose them (`opt adamw`).
public enum OptimizerKind: String, Sendable, CaseIterable {
    case sgd, momentum, nesterov, adam, adamw

    /// Builds the optimizer over `groups` (momentum 0.9 for `momentum` and `nesterov`).
    public func make(groups: [ParamGroup]) -> Optimizer {
        switch self {
        case .sgd: SGD(groups: groups)
        case .momentum: SGD(groups: groups, momentum: 0.9)
        case .nesterov: SGD(groups: groups, momentum: 0.9, nesterov: true)
        case .adam: Adam(groups: groups)
        case .adamw: Adam.adamW(groups: groups)
        }
    }
}
