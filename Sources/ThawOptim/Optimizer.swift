import ThawNN
import ThawTensor

/// What an optimizer remembers about one parameter (Adam's moments, SGD's momentum buffer).
/// A class holding one contiguous array for all its buffers, so an update can hold every
/// buffer at once (one exclusive access) and never copies them.
public final class ParamState {
    /// How many updates this parameter has had (Adam's bias correction counts from here).
    public var step: Int
    /// The number of values in each buffer (the parameter's size).
    public let count: Int
    private var storage: [Float]

    public init(step: Int = 0, count: Int, bufferCount: Int) {
        self.step = step
        self.count = count
        storage = [Float](repeating: 0, count: count * bufferCount)
    }

    /// Restores saved buffers (all of one length).
    public init(step: Int, buffers: [[Float]]) {
        self.step = step
        count = buffers.first?.count ?? 0
        storage = buffers.flatMap { $0 }
    }

    /// The buffers as separate arrays (copies), for checkpoints.
    public var buffers: [[Float]] {
        guard count > 0 else { return [] }
        return stride(from: 0, to: storage.count, by: count).map { Array(storage[$0..<($0 + count)]) }
    }

    /// Gives the update every buffer as a mutable view, without copying.
    public func withBuffers<R>(_ body: ([UnsafeMutableBufferPointer<Float>]) -> R) -> R {
        let n = count
        return storage.withUnsafeMutableBufferPointer { all in
            body(stride(from: 0, to: all.count, by: max(n, 1)).map {
                UnsafeMutableBufferPointer(rebasing: all[$0..<($0 + n)])
            })
        }
    }
}

/// The shared shape of every optimizer: groups of parameters, per-parameter state created
/// when first needed, and one `step()` that skips frozen parameters entirely.
///
/// Subclasses give `stateBufferCount` and `update(...)`. A parameter whose `requiresGrad` is
/// off gets no update, no weight decay, and owns no state; if it had state from before it was
/// frozen, that state is dropped, so unfreezing later starts it fresh.
open class Optimizer {
    public var groups: [ParamGroup]
    /// Per-parameter state, keyed by the parameter tensor's identity.
    public internal(set) var state: [ObjectIdentifier: ParamState] = [:]
    /// Number of `step()` calls so far.
    public internal(set) var steps = 0

    public init(groups: [ParamGroup]) { self.groups = groups }

    /// How many buffers the state of one parameter has (Adam: 2, SGD with momentum: 1).
    open var stateBufferCount: Int { 0 }

    /// Updates one parameter in place from its gradient. An L2 penalty coupled to the gradient
    /// (λ·w added before updating) is the subclass's to apply, with λ from `coupledDecay(for:)`.
    /// - Parameters:
    ///   - w: the parameter's values, updated in place.
    ///   - gradient: its gradient from the last backward pass.
    ///   - state: its own buffers (momentum, Adam's moments) and step count.
    ///   - group: its group's learning rate and decay settings.
    open func update(_ w: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                     state: ParamState, group: ParamGroup) {
        preconditionFailure("\(type(of: self)) does not implement update")
    }

    /// The coupled L2 coefficient this optimizer adds to the gradient for `group`.
    open func coupledDecay(for group: ParamGroup) -> Float { group.l2 + group.weightDecay }

    /// Applies one update to every trainable parameter that has a gradient.
    public final func step() {
        steps += 1
        for group in groups {
            for (_, p) in group.parameters {
                let id = ObjectIdentifier(p)
                guard p.requiresGrad else { state[id] = nil; continue }
                guard let g = p.gradData else { continue }
                let s: ParamState
                if let existing = state[id] {
                    s = existing
                } else {
                    s = ParamState(count: p.count, bufferCount: stateBufferCount)
                    state[id] = s
                }
                s.step += 1
                p.data.withUnsafeMutableBufferPointer { w in
                    g.withUnsafeBufferPointer { gp in update(w, gradient: gp, state: s, group: group) }
                }
            }
        }
    }

    /// Clears the gradients of every parameter in every group.
    public func zeroGrad() {
        for group in groups { for (_, p) in group.parameters { p.zeroGrad() } }
    }

    /// The state of the parameter at `path`, if it has any (nil for frozen parameters).
    public func state(ofPath path: String) -> ParamState? {
        for group in groups {
            if let p = group.parameters.first(where: { $0.path == path }) { return state[ObjectIdentifier(p.tensor)] }
        }
        return nil
    }

    /// Puts back state saved from another optimizer (checkpoint resume), by parameter path.
    public func restoreState(_ saved: [String: ParamState], steps: Int) {
        self.steps = steps
        state = [:]
        for group in groups {
            for (path, p) in group.parameters {
                if let s = saved[path] { state[ObjectIdentifier(p)] = s }
            }
        }
    }

    /// The learning rate of each group, as it will be used at the next step.
    public var learningRates: [(group: String, lr: Float)] { groups.map { ($0.name, $0.lr) } }
}
