import ThawTensor

/// The element-wise non-linearities, as layers for `Sequential`.
public enum ActivationKind: String, Sendable, CaseIterable {
    case relu, gelu, tanh, sigmoid

    public func apply(_ x: Tensor) -> Tensor {
        switch self {
        case .relu: x.relu()
        case .gelu: x.gelu()
        case .tanh: x.tanh()
        case .sigmoid: x.sigmoid()
        }
    }
}

/// An activation as a module (no parameters).
public final class Activation: Module {
    public let kind: ActivationKind
    public init(_ kind: ActivationKind) { self.kind = kind }
    public override func copyConfiguration() -> Module { Activation(kind) }
    public override func forward(_ x: Tensor) -> Tensor { kind.apply(x) }
    public override var typeName: String { kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() }
}

/// Flattens `[N, ...]` to `[N, features]`.
public final class Flatten: Module {
    public override func copyConfiguration() -> Module { Flatten() }
    public override func forward(_ x: Tensor) -> Tensor { x.flattened(from: 1) }
}
