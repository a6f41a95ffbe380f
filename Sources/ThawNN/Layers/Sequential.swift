import ThawTensor

/// Runs its children in order, each on the previous one's output. Children are named
/// "0", "1", … unless names are given.
public final class Sequential: Module {
    public init(_ layers: [Module]) {
        super.init()
        for (i, layer) in layers.enumerated() { addChild(String(i), layer) }
    }

    public init(named layers: [(String, Module)]) {
        super.init()
        for (name, layer) in layers { addChild(name, layer) }
    }

    public override func copyConfiguration() -> Module { Sequential([]) }

    public override func forward(_ x: Tensor) -> Tensor {
        children.reduce(x) { $1.module($0) }
    }
}
