import Foundation
import ThawNN
import ThawOptim
import ThawTensor

/// Where a training run stands: enough, with the weights and optimizer state, to continue it
/// exactly as if it had never stopped.
public struct TrainingPosition: Sendable, Equatable {
    public var epoch: Int
    /// The next batch of `epoch` to run.
    public var batchInEpoch: Int
    /// Steps taken so far (the schedule's position).
    public var step: Int
    /// The shuffling generator as it was before `epoch`'s batches were drawn.
    public var epochStartRNG: RNG
}

/// Saving and loading models (and whole training states) as `.safetensors` files.
///
/// Weights are stored under their parameter paths (`blocks.0.attn.q.weight`), like a PyTorch
/// `state_dict`. A training checkpoint adds the optimizer's buffers under
/// `optimizer.<path>.<i>` and the rest (steps, position, random streams) as metadata.
public enum Checkpoint {
    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let problem: String
        public var description: String { "\(file): \(problem)" }
    }

    /// Saves the model's weights, and with `optimizer` and `position` everything needed to resume.
    public static func save(_ model: Module, optimizer: Optimizer? = nil, position: TrainingPosition? = nil,
                            metadata: [String: String] = [:], extra: [String: SafeTensors.Entry] = [:], to url: URL) throws {
        var tensors = extra
        for (path, p) in model.namedParameters() { tensors[path] = .init(shape: p.shape, values: p.data) }
        var meta = metadata
        meta["format"] = "thaw"
        meta["trainable"] = model.namedParameters().filter(\.tensor.requiresGrad).map(\.path).joined(separator: ",")
        if let optimizer {
            var steps: [String] = []
            for group in optimizer.groups {
                for (path, _) in group.parameters {
                    guard let s = optimizer.state(ofPath: path) else { continue }
                    steps.append("\(path)=\(s.step)")
                    for (i, buffer) in s.buffers.enumerated() {
                        tensors["optimizer.\(path).\(i)"] = .init(shape: [buffer.count], values: buffer)
                    }
                }
            }
            meta["optimizer.steps"] = steps.joined(separator: ",")
            meta["optimizer.count"] = String(optimizer.steps)
        }
        if let position {
            meta["position"] = "\(position.epoch),\(position.batchInEpoch),\(position.step)"
            meta["position.rng"] = position.epochStartRNG.stateWords.map(String.init).joined(separator: ",")
        }
        for (path, m) in model.namedModules() {
            if let r = m as? RandomStateful { meta["rng.\(path)"] = r.rng.stateWords.map(String.init).joined(separator: ",") }
        }
        try SafeTensors.write(tensors, metadata: meta, to: url)
    }

    /// Loads weights into `model` by path. Every model parameter must be in the file with the
    /// same shape; optimizer entries are ignored. Returns the file's metadata.
    @discardableResult
    public static func loadWeights(into model: Module, from url: URL) throws -> [String: String] {
        let (tensors, meta) = try SafeTensors.read(url)
        try assign(tensors, to: model, file: url.path)
        for (path, m) in model.namedModules() {
            if let r = m as? RandomStateful, let words = meta["rng.\(path)"].flatMap(parseWords) { r.rng = RNG(state: words) }
        }
        return meta
    }

    /// Puts tensors into a model's parameters, checking names and shapes first, so that a
    /// mismatch leaves the model untouched.
    static func assign(_ tensors: [String: SafeTensors.Entry], to model: Module, file: String) throws {
        let named = model.namedParameters()
        let missing = named.map(\.path).filter { tensors[$0] == nil }
        if !missing.isEmpty {
            let found = tensors.keys.filter { !$0.hasPrefix("optimizer.") }.sorted().prefix(4).joined(separator: ", ")
            throw LoadError(file: file, problem: "the file has no weights for \(missing.prefix(4).joined(separator: ", "))\(missing.count > 4 ? " (and \(missing.count - 4) more)" : "") — it holds \(found)…: is it for another model?")
        }
        for (path, p) in named where tensors[path]!.shape != p.shape {
            throw LoadError(file: file, problem: "`\(path)` is \(tensors[path]!.shape) in the file but \(p.shape) in the model")
        }
        for (path, _) in named {
            let entry = tensors[path]!
            guard entry.isFloat else {
                throw LoadError(file: file, problem: "`\(path)` holds \(entry.dtype) integers, not floating-point weights")
            }
            if let i = entry.values.firstIndex(where: { !$0.isFinite }) {
                throw LoadError(file: file, problem: "`\(path)` holds \(entry.values[i].isNaN ? "nan" : entry.values[i] > 0 ? "inf" : "-inf") at index \(i): weights must be finite numbers")
            }
        }
        for (path, p) in named { p.data = tensors[path]!.values }
    }

    /// Restores a whole training state saved with an optimizer and position: weights, the
    /// optimizer's buffers and step counts, trainable flags, and the position to resume from.
    public static func resume(_ model: Module, optimizer: Optimizer, from url: URL) throws -> TrainingPosition {
        let (tensors, meta) = try SafeTensors.read(url)
        return try resume(model, optimizer: optimizer, tensors: tensors, metadata: meta, file: url.path)
    }

    /// ``resume(_:optimizer:from:)`` from a file already read. Everything is checked before
    /// anything changes: a file without a position leaves the model as it was.
    public static func resume(_ model: Module, optimizer: Optimizer, tensors: [String: SafeTensors.Entry],
                              metadata meta: [String: String], file: String) throws -> TrainingPosition {
        let pos = (meta["position"] ?? "").split(separator: ",").compactMap { Int($0) }
        guard pos.count == 3, let words = meta["position.rng"].flatMap(parseWords) else {
            throw LoadError(file: file, problem: "it holds weights only, not a training position to resume from")
        }
        try assign(tensors, to: model, file: file)
        let trainable = Set((meta["trainable"] ?? "").split(separator: ",").map(String.init))
        for (path, p) in model.namedParameters() { p.requiresGrad = trainable.contains(path) }
        var saved: [String: ParamState] = [:]
        for item in (meta["optimizer.steps"] ?? "").split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let step = Int(parts[1]) else { continue }
            let path = String(parts[0])
            var buffers: [[Float]] = []
            while let b = tensors["optimizer.\(path).\(buffers.count)"] { buffers.append(b.values) }
            saved[path] = ParamState(step: step, buffers: buffers)
        }
        optimizer.restoreState(saved, steps: Int(meta["optimizer.count"] ?? "") ?? 0)
        for (path, m) in model.namedModules() {
            if let r = m as? RandomStateful, let words = meta["rng.\(path)"].flatMap(parseWords) { r.rng = RNG(state: words) }
        }
        return TrainingPosition(epoch: pos[0], batchInEpoch: pos[1], step: pos[2], epochStartRNG: RNG(state: words))
    }

    static func parseWords(_ text: String) -> [UInt64]? {
        let words = text.split(separator: ",").compactMap { UInt64($0) }
        return words.count == 4 ? words : nil
    }
}

/// Writes the whole training state to one file every `every` epochs (each write replaces
/// the one before), so that a run stopped by Ctrl-C, a crash or `quit` can go on from its
/// last whole epoch with ``Learner/resume(from:)``. Runs after early stopping has judged the
/// epoch, so its state is in the file too. An epoch that ended the run early (stopped,
/// interrupted, diverged) is not written: resuming it would not continue the same run.
public final class Checkpointing: Callback {
    public let file: URL
    public let every: Int
    /// Written into the file with the state (what the run was, to check on resume).
    public let metadata: [String: String]
    /// The epochs written so far (1-based), and what went wrong writing, if anything did.
    public private(set) var written: [Int] = []
    public private(set) var errors: [String] = []
    public var order: Int { 90 }

    public init(file: URL, every: Int = 1, metadata: [String: String] = [:]) {
        self.file = file
        self.every = max(1, every)
        self.metadata = metadata
    }

    public func afterEpoch(_ learner: Learner) {
        guard learner.stopReason == nil, learner.batchInEpoch >= learner.batchesInEpoch,
              (learner.epoch + 1) % every == 0 else { return }
        do {
            try learner.saveCheckpoint(to: file, metadata: metadata)
            written.append(learner.epoch + 1)
        } catch {
            errors.append("\(error)")
        }
    }
}
