/// Shape ops that only reinterpret or rearrange values.
extension Tensor {
    /// The same values with a new shape of the same element count. One dimension may be -1
    /// and is then inferred. The gradient flows back unchanged.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var target = newShape
        if let hole = target.firstIndex(of: -1) {
            let known = target.enumerated().filter { $0.offset != hole }.map(\.element).product
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            target[hole] = count / known
        }
        precondition(target.product == count, "cannot reshape \(shape) (\(count) values) to \(newShape)")
        let x = self
        return .result(data, shape: target, inputs: [x]) { g in x.accumulateGrad(g) }
    }

    /// Flattens every dimension from `start` on into one (`flattened(from: 1)` turns
    /// `[N, C, H, W]` into `[N, C·H·W]`).
    public func flattened(from start: Int = 0) -> Tensor {
        precondition(start >= 0 && start <= rank, "flatten from \(start) on shape \(shape)")
        return reshaped(Array(shape.prefix(start)) + [Array(shape.dropFirst(start)).product])
    }
}
