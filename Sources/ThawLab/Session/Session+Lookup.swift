import ThawData
import ThawLang
import ThawNN
import ThawTune

/// Looking names up in the workspace, with messages that say what was found instead.
extension Session {
    func item(_ value: Value, expecting what: String) throws -> (name: String, item: WorkspaceItem) {
        guard let name = value.word ?? value.path?.root else {
            throw LabError("expected the name of \(what) here", at: value.range)
        }
        guard let item = workspace[name] else {
            let suggestion = Suggest.closest(to: name, among: names)
            let known = names.isEmpty ? "the workspace is empty" : "`show` lists the names"
            throw LabError("there is no `\(name)` in the workspace (\(known))", at: value.range, suggestion: suggestion)
        }
        return (name, item)
    }

    /// The dataset bound to `value`, named as the learner named it: what it is called in a
    /// run's name, a message or the name of data made from it (`few = select target shots 5`
    /// is "target 5-shot", not the whole history of splits and transforms behind `target`).
    func data(_ value: Value) throws -> TaskData {
        let (name, item) = try self.item(value, expecting: "a dataset")
        guard case var .data(d) = item else {
            throw LabError("`\(name)` is \(item.kindName), not a dataset", at: value.range)
        }
        d.name = name
        return d
    }

    func examples(_ value: Value) throws -> Dataset {
        guard case let .examples(d) = try data(value) else {
            throw LabError("`\(value)` is a set of character sequences for a language model; this needs labelled examples", at: value.range)
        }
        return d
    }

    func model(_ value: Value) throws -> (name: String, model: LabModel) {
        let (name, item) = try self.item(value, expecting: "a model")
        guard case let .model(m) = item else {
            throw LabError("`\(name)` is \(item.kindName), not a model", at: value.range)
        }
        return (name, m)
    }

    /// A model or a snapshot, as something that can be measured.
    func measurable(_ value: Value) throws -> (name: String, module: Module) {
        let (name, item) = try self.item(value, expecting: "a model or a snapshot")
        switch item {
        case let .model(m): return (name, m.module)
        case let .snapshot(s): return (name, s.model)
        default: throw LabError("`\(name)` is \(item.kindName), not a model or a snapshot", at: value.range)
        }
    }

    func trainingRun(_ value: Value) throws -> LabRun {
        let (name, item) = try self.item(value, expecting: "a run")
        guard case let .run(r) = item else {
            throw LabError("`\(name)` is \(item.kindName), not a run (bind one with `r = train …`)", at: value.range)
        }
        return r
    }

    /// A layer path (`net.blocks.0`, `net.blocks.*.attn`) as its model and the pattern inside it.
    func layers(_ value: Value) throws -> (name: String, model: LabModel, pattern: String) {
        guard let path = value.path else { throw LabError("expected a model or a layer path here", at: value.range) }
        let (name, model) = try self.model(value)
        let inner = path.segments.dropFirst().joined(separator: ".")
        if !inner.isEmpty && model.module.parameterPaths(matching: inner).isEmpty
            && !model.module.namedModules().contains(where: { PathPattern(inner).covers($0.path) && !$0.path.isEmpty }) {
            let close = model.module.closestPaths(to: inner).first.map { "\(name).\($0)" }
            throw LabError("`\(name)` has no layer `\(inner)` (`show \(name)` lists its layers)", at: value.range, suggestion: close)
        }
        return (name, model, inner)
    }

    /// Several layer paths that must all be in one model.
    func layerPatterns(_ values: [Value]) throws -> (name: String, model: LabModel, patterns: [String]) {
        guard let first = values.first else { throw LabError("name a model or some of its layers") }
        let head = try layers(first)
        var patterns = [head.pattern]
        for v in values.dropFirst() {
            let next = try layers(v)
            guard next.name == head.name else {
                throw LabError("one command works on one model: `\(next.name)` is not `\(head.name)`", at: v.range)
            }
            patterns.append(next.pattern)
        }
        return (head.name, head.model, patterns)
    }
}
