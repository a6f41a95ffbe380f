import ThawTensor

/// Rehearsal (experience replay): keep a small memory of source-task examples and mix a few
/// of them into every batch of the new task, so the model keeps practising the old one.
public enum Rehearsal {
    /// Each batch of `target` gets `perBatch` examples drawn at random (with the learner's
    /// generator) from `memory`, appended after the batch's own examples.
    public static func mix(_ target: BatchSource, memory: Batch, perBatch: Int) -> BatchSource {
        precondition(memory.size > 0, "rehearsal needs at least one remembered example")
        let targetsPerRow = memory.targets.count / memory.size
        return BatchSource { rng in
            target.makeEpoch(&rng).map { batch in
                let rows = (0..<perBatch).map { _ in rng.int(below: memory.size) }
                let inputs = Tensor.concat([batch.inputs, memory.inputs.selectRows(rows)], axis: 0)
                var targets = batch.targets
                for r in rows { targets += memory.targets[(r * targetsPerRow)..<((r + 1) * targetsPerRow)] }
                return Batch(inputs: inputs, targets: targets)
            }
        }
    }
}
