import Foundation
import ThawLang
import ThawNN
import ThawTune

/// `snapshot`, `restore`, `save`.
extension Session {
    func snapshot(_ c: Command) throws -> Result {
        guard let v = c.value("model") else { throw LabError("`snapshot` needs a model", at: c.range) }
        let (_, model) = try self.model(v)
        let copy = try ModelCopier.copy(model.module)
        let flags = Dictionary(uniqueKeysWithValues: model.module.namedParameters().map { ($0.path, $0.tensor.requiresGrad) })
        return Result(items: [.snapshot(LabSnapshot(snapshot: Snapshot(model.module), trainable: flags, model: copy))])
    }

    func restore(_ c: Command) throws -> Result {
        guard let v = c.value("model"), let from = c.value("from") else {
            throw LabError("`restore` needs a model and `from SNAPSHOT`", at: c.range)
        }
        let (name, model) = try self.model(v)
        let (snapName, item) = try self.item(from, expecting: "a snapshot")
        guard case let .snapshot(s) = item else { throw LabError("`\(snapName)` is \(item.kindName), not a snapshot", at: from.range) }
        let current = model.module.namedParameters().map(\.path)
        guard current == s.snapshot.paths else {
            // The structure changed since (LoRA, a new head): go back to the snapshot's copy.
            model.module = try ModelCopier.copy(s.model)
            return Result(outputs: [.note("`\(name)` is back to `\(snapName)`, including its layers")])
        }
        s.snapshot.restore(into: model.module)
        for (path, p) in model.module.namedParameters() { p.requiresGrad = s.trainable[path] ?? p.requiresGrad }
        return Result(outputs: [.note("`\(name)` is back to `\(snapName)`")])
    }

    func save(_ c: Command) throws -> Result {
        guard let v = c.value("model"), let file = c.value("file")?.string else {
            throw LabError("`save` needs a model and a quoted file name: `save net \"runs/net.safetensors\"`", at: c.range)
        }
        let (name, model) = try self.model(v)
        let url = try self.file(file, for: c.flag("peft") ? .writeFolder : .write, at: c.value("file")?.range)
        do {
            if c.flag("peft") {
                try AdapterFiles.savePEFT(model.module, to: url)
                return Result(outputs: [.note("wrote the LoRA adapters of `\(name)` to \(file)/ (adapter_config.json, adapter_model.safetensors)")])
            }
            try Checkpoint.save(model.module, metadata: ["model": model.module.typeName, "summary": model.module.summary], to: url)
        } catch {
            throw LabError("\(error)", at: c.value("file")?.range)
        }
        return Result(outputs: [.note("wrote `\(name)` to \(file)")])
    }
}
