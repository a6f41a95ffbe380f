/// A dense, row-major array of `Float` values with a shape, and a place in the autograd graph.
///
/// `Tensor` is a reference type: a model's parameters are tensors that the optimizer updates
/// in place, and every op's result remembers the tensors it came from (see `Autograd.swift`).
///
/// ```swift
/// let x = Tensor([1, 2, 3, 4], shape: [2, 2])
/// let w = Tensor.randn([2, 2], rng: &rng).requiringGrad()
/// let loss = x.matmul(w).sum()
/// loss.backward()          // w.grad now holds d(loss)/dw
/// ```
public final class Tensor {
    /// The size of each dimension, outermost first.
    public let shape: [Int]
    /// The values, row-major and contiguous: `data.count == shape.product`.
    public var data: [Float]
    /// Whether gradients flow to this tensor. A leaf with `requiresGrad == false` (a frozen
    /// weight) costs no gradient work at all: ops skip the computations that would feed it.
    public var requiresGrad: Bool
    /// The accumulated gradient of the last `backward()` with respect to this tensor, or `nil`.
    /// Kept on leaves (parameters); intermediate results drop theirs once used.
    public var gradData: [Float]?
    /// How this tensor was computed, when it needs a gradient; `nil` for leaves.
    var node: Node?

    /// Creates a tensor from values and a shape (a leaf that needs no gradient).
    public init(_ data: [Float], shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        precondition(data.count == shape.reduce(1, *),
                     "\(data.count) values do not fill shape \(shape)")
        self.shape = shape
        self.data = data
        self.requiresGrad = false
    }

    /// A scalar (shape `[]`).
    public convenience init(scalar: Float) { self.init([scalar], shape: []) }

    /// A tensor filled with one value.
    public convenience init(repeating value: Float, shape: [Int]) {
        self.init([Float](repeating: value, count: shape.reduce(1, *)), shape: shape)
    }

    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// The number of elements.
    @inlinable public var count: Int { data.count }
    /// The number of dimensions.
    @inlinable public var rank: Int { shape.count }
    /// The only value of a one-element tensor.
    public var item: Float {
        precondition(data.count == 1, "item needs a one-element tensor, not shape \(shape)")
        return data[0]
    }

    /// The gradient as a tensor of this tensor's shape, or `nil` if none has been computed.
    public var grad: Tensor? { gradData.map { Tensor($0, shape: shape) } }

    /// Marks this leaf as trainable and returns it, for chaining.
    @discardableResult
    public func requiringGrad(_ flag: Bool = true) -> Tensor {
        requiresGrad = flag
        return self
    }

    /// A copy of the values as a new leaf with no history.
    public func detached() -> Tensor { Tensor(data, shape: shape) }

    /// Sets the gradient to `nil` (the optimizer treats `nil` as "no gradient this step").
    public func zeroGrad() { gradData = nil }

    /// The value at a multi-dimensional index (for tests and display, not hot paths).
    public subscript(index: Int...) -> Float {
        precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
        var flat = 0
        for (i, d) in zip(index, shape) {
            precondition(i >= 0 && i < d, "index \(index) out of range for shape \(shape)")
            flat = flat * d + i
        }
        return data[flat]
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = data.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(shown)\(data.count > 8 ? ", …" : "")])"
    }
}

extension Array where Element == Int {
    /// The product of the dimensions: the element count of a shape.
    @inlinable public var product: Int { reduce(1, *) }
}

extension Array where Element == Float {
    /// Σ xᵢ², summed in Double so long vectors keep their precision: the square of the L2 norm
    /// of a gradient or a weight (clipping, per-layer statistics, weight changes).
    public var squaredNorm: Double {
        withUnsafeBufferPointer { p in p.reduce(0) { $0 + Double($1) * Double($1) } }
    }
}
