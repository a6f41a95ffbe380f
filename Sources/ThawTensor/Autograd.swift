/// Reverse-mode automatic differentiation.
///
/// Every op that has an input needing a gradient records a `Node`: the inputs and a closure
/// that, given the gradient of the op's output, adds the gradients of those inputs. An op
/// whose inputs need no gradient records nothing, so inference and frozen layers build no
/// graph. `backward()` walks the recorded nodes in reverse topological order.
final class Node {
    let inputs: [Tensor]
    /// Receives d(loss)/d(output) and accumulates into each input that needs it.
    let backward: ([Float]) -> Void

    init(inputs: [Tensor], backward: @escaping ([Float]) -> Void) {
        self.inputs = inputs
        self.backward = backward
    }
}

/// Whether ops record the graph. Off inside `Tensor.withoutGrad { … }` (evaluation).
enum GradMode {
    @TaskLocal static var enabled = true
}

extension Tensor {
    /// Runs `body` without recording gradients: the fast path for evaluation and sampling.
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        try GradMode.$enabled.withValue(false) { try body() }
    }

    /// True when gradients are being recorded (not inside `withoutGrad`).
    public static var isGradEnabled: Bool { GradMode.enabled }

    /// Makes the result of an op. If any input needs a gradient (and grad mode is on) the
    /// result needs one too and remembers `backward`; otherwise `backward` is dropped unused.
    ///
    /// `backward` gets the output's gradient and must add into the inputs' gradients with
    /// `accumulateGrad`, skipping any input whose `requiresGrad` is false.
    /// Internal: only ThawTensor's ops build graph nodes.
    static func result(_ data: [Float], shape: [Int], inputs: [Tensor],
                              backward: @escaping ([Float]) -> Void) -> Tensor {
        let out = Tensor(data, shape: shape)
        out.attach(inputs: inputs, backward: backward)
        return out
    }

    func attach(inputs: [Tensor], backward: @escaping ([Float]) -> Void) {
        guard GradMode.enabled, inputs.contains(where: { $0.requiresGrad }) else { return }
        requiresGrad = true
        node = Node(inputs: inputs, backward: backward)
    }

    /// Adds `g` (same element count as `data`) into this tensor's gradient.
    func accumulateGrad(_ g: [Float]) {
        precondition(g.count == data.count, "gradient of \(g.count) values for shape \(shape)")
        if gradData == nil {
            gradData = g
            return
        }
        gradData!.withUnsafeMutableBufferPointer { dst in
            g.withUnsafeBufferPointer { src in
                for i in 0..<dst.count { dst[i] += src[i] }
            }
        }
    }

    /// Adds into the gradient through a buffer, creating it zero-filled first if needed.
    /// Lets ops write gradients straight into place (for example a BLAS call with beta = 1).
    /// Public because EWC adds its penalty's gradient into parameters' gradients this way.
    public func withGradBuffer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        if gradData == nil { gradData = [Float](repeating: 0, count: data.count) }
        return try gradData!.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Like `withGradBuffer`, but without zero-filling a new gradient: `body` also gets the
    /// BLAS `beta` to write with. It is 0 when this tensor had no gradient yet (the buffer is
    /// then uninitialised and `body` must write every element), and 1 when one is there to add
    /// into. Usually the first write is the only one, and it costs a single pass.
    func withGradDestination<R>(_ body: (UnsafeMutableBufferPointer<Float>, _ beta: Float) throws -> R) rethrows -> R {
        guard gradData != nil else {
            var result: R?
            gradData = try [Float](unsafeUninitializedCapacity: data.count) { buf, initialized in
                result = try body(buf, 0)
                initialized = buf.count
            }
            return result!
        }
        return try gradData!.withUnsafeMutableBufferPointer { try body($0, 1) }
    }

    /// Computes the gradient of this scalar with respect to every tensor it depends on that
    /// needs one. Gradients accumulate into leaves (call `zeroGrad` between steps); the graph
    /// is released afterwards, as are intermediate gradients.
    public func backward() {
        precondition(data.count == 1, "backward() needs a scalar loss, not shape \(shape)")
        backward(seed: [1])
    }

    /// Back-propagates a given output gradient (a vector–Jacobian product): after it, each
    /// leaf's gradient holds Σᵢ seedᵢ · ∂selfᵢ/∂leaf. Used by gradient checks.
    public func backward(seed: [Float]) {
        precondition(seed.count == data.count, "seed of \(seed.count) values for shape \(shape)")
        guard requiresGrad else { return }
        let order = topologicalOrder()
        accumulateGrad(seed)
        for tensor in order.reversed() {
            guard let node = tensor.node, let g = tensor.gradData else { continue }
            node.backward(g)
            // Intermediate results: free the graph and the gradient now they are used.
            tensor.node = nil
            tensor.gradData = nil
        }
    }

    /// The tensors that lead to `self` through recorded nodes, each after its inputs.
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        // Iterative depth-first search: deep graphs (long sequences) must not overflow the stack.
        var stack: [(Tensor, Bool)] = [(self, false)]
        while let (tensor, expanded) = stack.popLast() {
            if expanded { order.append(tensor); continue }
            guard visited.insert(ObjectIdentifier(tensor)).inserted else { continue }
            stack.append((tensor, true))
            for input in tensor.node?.inputs ?? [] where input.node != nil {
                if !visited.contains(ObjectIdentifier(input)) { stack.append((input, false)) }
            }
        }
        return order
    }
}
