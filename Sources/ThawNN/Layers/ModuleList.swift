import ThawTensor

/// A numbered list of modules with no computation of its own (a model's `blocks`).
public final class ModuleList: Module {
    public init(_ modules: [Module]) {
        super.init()
        for (i, m) in modules.enumerated() { addChild(String(i), m) }
    }

    public override func copyConfiguration() -> Module { ModuleList([]) }

    /// The modules, in order (reflecting any replacements).
    public var modules: [Module] { children.map(\.module) }
    public var count: Int { children.count }
}
