import Foundation
import ThawLang
import ThawNN
import ThawTune

/// `snapshot`, `restore`, `save`.
extension SnapshotCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (_, labModel) = try session.model(model)
        let copy = labModel.module.deepCopy()
        let flags = Dictionary(uniqueKeysWithValues: labModel.module.namedParameters().map { ($0.path, $0.tensor.requiresGrad) })
        return CommandResult(items: [.snapshot(LabSnapshot(snapshot: Snapshot(labModel.module), trainable: flags, model: copy,
                                                                  record: labModel.record))])
    }
}

extension RestoreCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        let (snapName, item) = try session.item(from, expecting: "a snapshot")
        guard case let .snapshot(s) = item else { throw LabError("`\(snapName)` is \(item.kindName), not a snapshot", at: from.range) }
        labModel.record = s.record
        let current = labModel.module.namedParameters().map(\.path)
        guard current == s.snapshot.paths else {
            // The structure changed since (LoRA, a new head): go back to the snapshot's copy.
            labModel.module = s.model.deepCopy()
            return CommandResult(outputs: [.note("`\(name)` is back to `\(snapName)`, including its layers")])
        }
        s.snapshot.restore(into: labModel.module)
        for (path, p) in labModel.module.namedParameters() { p.requiresGrad = s.trainable[path] ?? p.requiresGrad }
        return CommandResult(outputs: [.note("`\(name)` is back to `\(snapName)`")])
    }
}

extension SaveCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        let url = try session.file(file, for: peft ? .writeFolder : .write, at: $file.range)
        do {
            if peft {
                try AdapterFiles.savePEFT(labModel.module, to: url)
                return CommandResult(outputs: [.note("wrote the LoRA adapters of `\(name)` to \(file)/ (adapter_config.json, adapter_model.safetensors)")])
            }
            try Checkpoint.save(labModel.module, metadata: ["model": labModel.module.typeName, "summary": labModel.module.summary], to: url)
        } catch {
            throw LabError("\(error)", at: $file.range)
        }
        return CommandResult(outputs: [.note("wrote `\(name)` to \(file)")])
    }
}
