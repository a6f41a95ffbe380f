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

// MARK: - Axis helpers shared by the op families

extension Tensor {
    /// Resolves `axis` (negative counts from the end) against `rank`, or stops with a message
    /// naming `op`. `extra` widens the range for ops that insert a dimension (unsqueeze).
    func resolvedAxis(_ axis: Int, _ op: String, extra: Int = 0) -> Int {
        let r = rank + extra
        let a = axis < 0 ? axis + r : axis
        precondition(a >= 0 && a < r, "\(op): axis \(axis) out of range for shape \(shape)")
        return a
    }

    /// Views the tensor as `[outer, n, inner]` around `axis`: the element at (o, k, j) is at
    /// flat offset (o·n + k)·inner + j. Every axis-wise op loops over this.
    func axisSplit(_ axis: Int) -> (outer: Int, n: Int, inner: Int) {
        (Array(shape[..<axis]).product, shape[axis], Array(shape[(axis + 1)...]).product)
    }
}

/// Row-major strides of a shape: how far apart consecutive indices of each dimension are.
func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var s = 1
    for d in stride(from: shape.count - 1, through: 0, by: -1) { strides[d] = s; s *= shape[d] }
    return strides
}

/// Walks a `shape`-sized output in row-major order while following `srcStrides` through a
/// source: calls `run(outOffset, srcOffset, length, srcStride)` once per innermost row, so
/// the caller's inner loop runs without any per-element index arithmetic.
func forEachStridedRow(_ shape: [Int], _ srcStrides: [Int],
                       _ run: (_ out: Int, _ src: Int, _ length: Int, _ stride: Int) -> Void) {
    guard shape.product > 0 else { return }
    guard let inner = shape.last else { run(0, 0, 1, 1); return }
    let outerRank = shape.count - 1, innerStride = srcStrides[outerRank]
    var index = [Int](repeating: 0, count: outerRank)
    var src = 0, out = 0
    let rows = shape.product / inner
    for _ in 0..<rows {
        run(out, src, inner, innerStride)
        out += inner
        // Odometer step over the outer dimensions, moving `src` by the matching strides.
        var d = outerRank - 1
        while d >= 0 {
            index[d] += 1; src += srcStrides[d]
            if index[d] < shape[d] { break }
            src -= srcStrides[d] * shape[d]; index[d] = 0; d -= 1
        }
    }
}

/// Forward (`backward == false`): out[o] = src[s] for every output index o and its source
/// index s. Backward: src-side gradient[s] += output gradient[o], i.e. `a` is the output
/// gradient and `b` the input's gradient buffer.
///
/// When the source is contiguous along the second-to-last output dimension but not the last
/// (a transpose of the last two), a plain walk would stride through memory, and with a
/// power-of-two stride the strided cache lines all land in one cache set and evict each
/// other. Such matrices go through 32×32 tiles staged in a small scratch buffer instead: each
/// tile is read along the source's contiguous direction and written along the output's.
private func permuteWalk(_ outShape: [Int], _ srcStrides: [Int], _ a: UnsafePointer<Float>,
                         _ b: UnsafeMutablePointer<Float>, backward: Bool) {
    let r = outShape.count
    if r >= 2 && srcStrides[r - 1] != 1 && srcStrides[r - 2] == 1 {
        let rows = outShape[r - 2], cols = outShape[r - 1], st = srcStrides[r - 1], tile = 32
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tile * tile) { tmp in
            // Walking all but the last dimension yields one call per matrix: o is its first
            // output row, s its source offset; element (i, j) is out (o+i)·cols + j, src s + i + j·st.
            forEachStridedRow(Array(outShape.dropLast()), Array(srcStrides.dropLast())) { o, s, _, _ in
                for r0 in stride(from: 0, to: rows, by: tile) {
                    let nr = Swift.min(tile, rows - r0)
                    for c0 in stride(from: 0, to: cols, by: tile) {
                        let nc = Swift.min(tile, cols - c0)
                        // tmp holds the tile column-major: entry (i, j) at j·tile + i.
                        let t = tmp.baseAddress!
                        if backward {
                            for i in 0..<nr {
                                let src = a + (o + r0 + i) * cols + c0, ti = t + i
                                for j in 0..<nc { ti[j &* tile] = src[j] }
                            }
                            for j in 0..<nc {
                                let dst = b + s + r0 + (c0 + j) * st, tj = t + j * tile
                                for i in 0..<nr { dst[i] += tj[i] }
                            }
                        } else {
                            for j in 0..<nc {
                                let src = a + s + r0 + (c0 + j) * st, tj = t + j * tile
                                for i in 0..<nr { tj[i] = src[i] }
                            }
                            for i in 0..<nr {
                                let dst = b + (o + r0 + i) * cols + c0, ti = t + i
                                for j in 0..<nc { dst[j] = ti[j &* tile] }
                            }
                        }
                    }
                }
            }
        }
        return
    }
    // Offsets are folded into base pointers before each loop: an overflow-checked `s + i`
    // inside it would keep the compiler from vectorising.
    forEachStridedRow(outShape, srcStrides) { o, s, len, st in
        if backward {
            let src = a + o, dst = b + s
            if st == 1 { for i in 0..<len { dst[i] += src[i] } }
            else { for i in 0..<len { dst[i &* st] += src[i] } }
        } else if st == 1 {
            (b + o).update(from: a + s, count: len)
        } else {
            let src = a + s, dst = b + o
            for i in 0..<len { dst[i] = src[i &* st] }
        }
    }
}

// MARK: - Rearranging ops

extension Tensor {
    /// Reorders the dimensions: output dimension i is input dimension `order[i]` (PyTorch's
    /// `permute`; negative entries count from the end). Copies the values into the new order.
    public func permuted(_ order: [Int]) -> Tensor {
        precondition(order.count == rank, "permuted: order \(order) does not match shape \(shape)")
        let axes = order.map { resolvedAxis($0, "permuted") }
        precondition(Set(axes).count == rank, "permuted: order \(order) repeats a dimension of \(shape)")
        let outShape = axes.map { shape[$0] }
        let inStrides = contiguousStrides(shape)
        let srcStrides = axes.map { inStrides[$0] }  // step in the input per output index
        let n = count
        let y = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            if n > 0 {
                data.withUnsafeBufferPointer { xp in
                    permuteWalk(outShape, srcStrides, xp.baseAddress!, buf.baseAddress!, backward: false)
                }
            }
            initialized = n
        }
        let x = self
        return .result(y, shape: outShape, inputs: [x]) { g in
            guard x.requiresGrad, n > 0 else { return }
            // The same walk in reverse: each output gradient goes back to where its value came from.
            g.withUnsafeBufferPointer { gp in
                x.withGradBuffer { gx in permuteWalk(outShape, srcStrides, gp.baseAddress!, gx.baseAddress!, backward: true) }
            }
        }
    }

    /// Swaps two dimensions (`transposed(-2, -1)` transposes the last two).
    public func transposed(_ a: Int, _ b: Int) -> Tensor {
        var order = Array(0..<rank)
        order.swapAt(resolvedAxis(a, "transposed"), resolvedAxis(b, "transposed"))
        return permuted(order)
    }

    /// The entries whose index along `axis` lies in `range`; the other dimensions are kept.
    public func slice(axis: Int, range: Range<Int>) -> Tensor {
        let ax = resolvedAxis(axis, "slice")
        let (outer, n, inner) = axisSplit(ax)
        precondition(range.lowerBound >= 0 && range.upperBound <= n,
                     "slice: range \(range) out of bounds for axis \(axis) of shape \(shape)")
        var outShape = shape
        outShape[ax] = range.count
        let block = range.count * inner, start = range.lowerBound * inner
        let y = [Float](unsafeUninitializedCapacity: outer * block) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                for o in 0..<outer {  // one contiguous block per outer index
                    (buf.baseAddress! + o * block).initialize(from: xp.baseAddress! + o * n * inner + start, count: block)
                }
            }
            initialized = outer * block
        }
        let x = self
        return .result(y, shape: outShape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            g.withUnsafeBufferPointer { gp in
                x.withGradBuffer { gx in
                    for o in 0..<outer {
                        let src = gp.baseAddress! + o * block, dst = gx.baseAddress! + o * n * inner + start
                        for i in 0..<block { dst[i] += src[i] }
                    }
                }
            }
        }
    }

    /// Joins tensors along `axis`; all other dimensions must agree.
    public static func concat(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "concat: no tensors")
        let first = tensors[0]
        let ax = first.resolvedAxis(axis, "concat")
        for t in tensors {
            precondition(t.rank == first.rank && t.shape.enumerated().allSatisfy { $0.offset == ax || $0.element == first.shape[$0.offset] },
                         "concat: shapes \(tensors.map(\.shape)) differ outside axis \(axis)")
        }
        let outer = Array(first.shape[..<ax]).product, inner = Array(first.shape[(ax + 1)...]).product
        let blocks = tensors.map { $0.shape[ax] * inner }  // each input's run per outer index
        let row = blocks.reduce(0, +)
        var outShape = first.shape
        outShape[ax] = tensors.reduce(0) { $0 + $1.shape[ax] }
        let y = [Float](unsafeUninitializedCapacity: outer * row) { buf, initialized in
            var offset = 0
            for (t, block) in zip(tensors, blocks) {
                t.data.withUnsafeBufferPointer { tp in
                    for o in 0..<outer {
                        (buf.baseAddress! + o * row + offset).initialize(from: tp.baseAddress! + o * block, count: block)
                    }
                }
                offset += block
            }
            initialized = outer * row
        }
        return .result(y, shape: outShape, inputs: tensors) { g in
            g.withUnsafeBufferPointer { gp in
                var offset = 0
                for (t, block) in zip(tensors, blocks) {
                    defer { offset += block }
                    guard t.requiresGrad else { continue }
                    t.withGradBuffer { gt in
                        for o in 0..<outer {
                            let src = gp.baseAddress! + o * row + offset, dst = gt.baseAddress! + o * block
                            for i in 0..<block { dst[i] += src[i] }
                        }
                    }
                }
            }
        }
    }

    /// Inserts a dimension of size 1 at `axis` (which may equal `rank`, or be negative:
    /// -1 appends, as in PyTorch).
    public func unsqueezed(axis: Int) -> Tensor {
        let ax = resolvedAxis(axis, "unsqueezed", extra: 1)
        var s = shape
        s.insert(1, at: ax)
        return reshaped(s)
    }

    /// Removes the dimension at `axis`, which must have size 1.
    public func squeezed(axis: Int) -> Tensor {
        let ax = resolvedAxis(axis, "squeezed")
        precondition(shape[ax] == 1, "squeezed: axis \(axis) of shape \(shape) has size \(shape[ax]), not 1")
        var s = shape
        s.remove(at: ax)
        return reshaped(s)
    }
}
