import Foundation
import ThawNN

/// A callback that carries state from one epoch to the next, which a checkpoint must keep for
/// a resumed run to go on exactly as if it had never stopped (early stopping's best so far).
public protocol ResumableCallback: Callback {
    /// The prefix of its entries in a checkpoint.
    static var checkpointKey: String { get }
    /// Its state: tensors, and one line of text.
    func checkpointState() -> (tensors: [String: SafeTensors.Entry], text: String)
    /// Takes the state back before `fit(resume:)`.
    func restoreState(tensors: [String: SafeTensors.Entry], text: String) throws
}

extension Learner {
    /// Writes everything needed to continue this run: weights, trainable flags, optimizer
    /// state, the position (epoch, batch, step, shuffling generator), dropout generators and
    /// the state of every ``ResumableCallback``.
    public func saveCheckpoint(to url: URL, metadata: [String: String] = [:]) throws {
        var meta = metadata, extra: [String: SafeTensors.Entry] = [:]
        for case let c as any ResumableCallback in callbacks {
            let key = type(of: c).checkpointKey
            let (tensors, text) = c.checkpointState()
            for (name, entry) in tensors { extra["\(key).\(name)"] = entry }
            meta[key] = text
        }
        try Checkpoint.save(model, optimizer: optimizer, position: position, metadata: meta, extra: extra, to: url)
    }

    /// Puts a checkpoint's state back, checked first with `accept` (given the file's metadata),
    /// and returns the position to pass to `fit(resume:)`. A file that `accept` refuses, or
    /// that lacks a callback's state, leaves the model as it was.
    public func resume(from url: URL, accept: ([String: String]) throws -> Void = { _ in }) throws -> TrainingPosition {
        let (tensors, meta) = try SafeTensors.read(url)
        try accept(meta)
        let resumable = callbacks.compactMap { $0 as? any ResumableCallback }
        for c in resumable where meta[type(of: c).checkpointKey] == nil {
            throw Checkpoint.LoadError(file: url.path, problem: "it was written by a run without \(type(of: c).checkpointKey), so it cannot continue one with it")
        }
        let position = try Checkpoint.resume(model, optimizer: optimizer, tensors: tensors, metadata: meta, file: url.path)
        for c in resumable {
            let key = type(of: c).checkpointKey
            let own = tensors.filter { $0.key.hasPrefix(key + ".") }
            do {
                try c.restoreState(tensors: Dictionary(uniqueKeysWithValues: own.map { (String($0.key.dropFirst(key.count + 1)), $0.value) }),
                                   text: meta[key] ?? "")
            } catch let e as Checkpoint.LoadError {
                throw Checkpoint.LoadError(file: url.path, problem: e.problem)
            }
        }
        return position
    }
}
