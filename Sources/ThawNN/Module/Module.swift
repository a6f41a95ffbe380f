import ThawTensor

/// A piece of a network: its own named parameters, named child modules, and a `forward`.
///
/// Children and parameters are registered explicitly, in order, so every parameter has a
/// stable dotted path (`blocks.0.attn.q.weight`) that freezing, per-group learning rates,
/// checkpoints and the shell's layer table all use.
///
/// A parameter is a `Tensor` whose `requiresGrad` flag is its *trainable* flag: a frozen
/// parameter has `requiresGrad == false`, so backward computes nothing for it.
///
/// Token models take their token ids as a `Tensor` of whole numbers (exact in Float32 up to
/// 2²⁴), so every model has the same `forward(Tensor) -> Tensor` shape.
open class Module {
    /// Training mode (dropout active) or evaluation mode. Set with `train()` / `eval()`.
    public internal(set) var isTraining = true
    public internal(set) var ownParameters: [(name: String, tensor: Tensor)] = []
    /// The children, in registration order: the one place a module keeps them. Subclasses
    /// read them through typed accessors (`var head: Module { child("head", as: Module.self) }`),
    /// never through handles of their own, so a replaced child is the one `forward` uses.
    public internal(set) var children: [(name: String, module: Module)] = []

    public init() {}

    /// The computation. Subclasses override it; the base class has none.
    open func forward(_ x: Tensor) -> Tensor {
        preconditionFailure("\(typeName) does not define forward(_:)")
    }

    /// Calls `forward`: `model(x)`.
    public func callAsFunction(_ x: Tensor) -> Tensor { forward(x) }

    /// A short type name for tables ("Linear", "TransformerBlock").
    open var typeName: String { String(describing: type(of: self)) }

    /// One line describing the layer's configuration ("64→128", "rank 4, α 8").
    open var summary: String { "" }

    /// Registers a parameter under `name` and returns it (trainable unless told otherwise).
    @discardableResult
    public func addParameter(_ name: String, _ tensor: Tensor, trainable: Bool = true) -> Tensor {
        precondition(!name.contains("."), "parameter names may not contain '.': \(name)")
        tensor.requiresGrad = trainable
        if let i = ownParameters.firstIndex(where: { $0.name == name }) {
            ownParameters[i].tensor = tensor
        } else {
            ownParameters.append((name, tensor))
        }
        return tensor
    }

    /// Registers a child module under `name` and returns it.
    @discardableResult
    public func addChild<M: Module>(_ name: String, _ module: M) -> M {
        precondition(!name.contains("."), "child names may not contain '.': \(name)")
        if let i = children.firstIndex(where: { $0.name == name }) {
            children[i].module = module
        } else {
            children.append((name, module))
        }
        module.setMode(training: isTraining)
        return module
    }

    /// Replaces the child registered as `name` (LoRA and adapters wrap a layer this way; a
    /// new head replaces the old one). `forward` sees the new child at once.
    public func replaceChild(_ name: String, with module: Module) {
        guard let i = children.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(typeName) has no child named \(name)")
        }
        children[i].module = module
        module.setMode(training: isTraining)
    }

    /// Replaces the module at a dotted path below this one (its parent must exist).
    public func replaceModule(at path: String, with module: Module) {
        let parts = path.split(separator: ".").map(String.init)
        precondition(!parts.isEmpty, "cannot replace the root module")
        guard let parent = self.module(at: parts.dropLast().joined(separator: ".")) else {
            preconditionFailure("\(typeName) has no module at \(parts.dropLast().joined(separator: "."))")
        }
        parent.replaceChild(parts.last!, with: module)
    }

    /// The child module named `name`, if any.
    public func child(_ name: String) -> Module? {
        children.first(where: { $0.name == name })?.module
    }

    /// The child named `name` as an `M`: what a subclass's typed accessors return. A missing
    /// child or one of the wrong kind is a programming error inside Thaw.
    public func child<M: Module>(_ name: String, as type: M.Type) -> M {
        guard let found = child(name) else { preconditionFailure("\(typeName) has no child named \(name)") }
        guard let typed = found as? M else {
            preconditionFailure("\(typeName).\(name) is a \(found.typeName), not a \(M.self)")
        }
        return typed
    }

    /// This module's own parameter named `name` (not a path), if registered: what layers'
    /// `weight` and `bias` accessors read.
    public func ownParameter(_ name: String) -> Tensor? {
        ownParameters.first(where: { $0.name == name })?.tensor
    }

    // MARK: Copying and the output layer

    /// A new module of the same class with this one's configuration and state (sizes, rank,
    /// merge state, a random stream) but no parameters or children: `deepCopy()` adds copies
    /// of those. Every subclass overrides it, even with no configuration (`Flatten()`):
    /// `deepCopy` checks that the copy has the original's class.
    open func copyConfiguration() -> Module { Module() }

    /// The path of the layer that produces the model's outputs (`head`, `head.proj`), or nil
    /// for a module without one. `outputLayer` and `replaceOutputLayer` go through it.
    open var outputLayerPath: String? { nil }

    // MARK: Modes

    /// Puts this module and all below it in training mode.
    public func train() { setMode(training: true) }
    /// Puts this module and all below it in evaluation mode (no dropout).
    public func eval() { setMode(training: false) }

    func setMode(training: Bool) {
        isTraining = training
        for c in children { c.module.setMode(training: training) }
    }

    // MARK: The parameter tree

    /// Every parameter with its dotted path, depth-first in registration order.
    public func namedParameters(prefix: String = "") -> [(path: String, tensor: Tensor)] {
        var result = ownParameters.map { (path: prefix + $0.name, tensor: $0.tensor) }
        for c in children {
            result += c.module.namedParameters(prefix: prefix + c.name + ".")
        }
        return result
    }

    /// Every module with its dotted path (the root has path ""), depth-first.
    public func namedModules(prefix: String = "") -> [(path: String, module: Module)] {
        var result: [(path: String, module: Module)] = [(prefix.isEmpty ? "" : String(prefix.dropLast()), self)]
        for c in children { result += c.module.namedModules(prefix: prefix + c.name + ".") }
        return result
    }

    /// The parameters as tensors, in path order.
    public var parameters: [Tensor] { namedParameters().map(\.tensor) }
    /// Parameters whose `requiresGrad` is on.
    public var trainableParameters: [Tensor] { parameters.filter(\.requiresGrad) }

    /// Total number of parameter values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
    /// Number of values in trainable parameters.
    public var trainableParameterCount: Int { trainableParameters.reduce(0) { $0 + $1.count } }

    /// The module at a dotted path below this one ("" is this module), or nil.
    public func module(at path: String) -> Module? {
        if path.isEmpty { return self }
        var current: Module = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = current.child(String(part)) else { return nil }
            current = next
        }
        return current
    }

    /// The parameter at a dotted path, or nil.
    public func parameter(at path: String) -> Tensor? {
        namedParameters().first(where: { $0.path == path })?.tensor
    }

    /// Sets every parameter below this module trainable or frozen.
    public func setTrainable(_ trainable: Bool) {
        for p in parameters { p.requiresGrad = trainable }
    }

    /// Clears every parameter's gradient.
    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }

    // MARK: Layer groups

    /// The model's natural layer groups, bottom to top, as module paths (e.g. `embed`,
    /// `blocks.0`, `blocks.1`, `head`). Freezing by group index and per-group learning rates
    /// use them. By default, each child is a group.
    open var layerGroups: [String] { children.map(\.name) }

    /// The index of the layer group that owns the parameter at `path`, or nil. A path belongs
    /// to the group whose path is its longest prefix.
    public func groupIndex(ofParameter path: String) -> Int? {
        var best: (index: Int, length: Int)?
        for (i, g) in layerGroups.enumerated() where path == g || path.hasPrefix(g + ".") {
            if best == nil || g.count > best!.length { best = (i, g.count) }
        }
        return best?.index
    }
}
