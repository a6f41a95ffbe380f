/// How two shapes broadcast (NumPy rules), boiled down to loops. Output dimensions of size 1
/// are dropped, an operand that is broadcast along a dimension gets stride 0 there, and
/// neighbouring dimensions that step alike in both operands are merged. What is left is an
/// outer odometer over "rows" and one inner run of `inner` elements in which each operand
/// steps by 1 or stays put (0). Same shapes, a scalar, and `[N, d] + [d]` all become one or
/// two simple loops this way.
struct BroadcastPlan {
    let shape: [Int]
    let inner: Int, innerA: Int, innerB: Int
    let outer: [Int], outerA: [Int], outerB: [Int]

    init(_ a: [Int], _ b: [Int], op: String) {
        let r = Swift.max(a.count, b.count)
        let pa = [Int](repeating: 1, count: r - a.count) + a
        let pb = [Int](repeating: 1, count: r - b.count) + b
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            precondition(pa[i] == pb[i] || pa[i] == 1 || pb[i] == 1,
                         "\(op): shapes \(a) and \(b) do not broadcast")
            out[i] = pa[i] == 1 ? pb[i] : pa[i]
        }
        shape = out
        let sa = contiguousStrides(pa), sb = contiguousStrides(pb)
        var dims: [(n: Int, a: Int, b: Int)] = []
        for i in 0..<r where out[i] != 1 {
            let da = pa[i] == 1 ? 0 : sa[i], db = pb[i] == 1 ? 0 : sb[i]
            // Merge into the previous dimension when stepping it once equals running through this one.
            if let last = dims.last, last.a == da * out[i], last.b == db * out[i] {
                dims[dims.count - 1] = (last.n * out[i], da, db)
            } else {
                dims.append((out[i], da, db))
            }
        }
        let last = dims.popLast() ?? (1, 1, 1)  // all-ones shape: one element, read at offset 0
        (inner, innerA, innerB) = (last.n, last.a, last.b)
        (outer, outerA, outerB) = (dims.map(\.n), dims.map(\.a), dims.map(\.b))
    }

    /// Calls `body(outOffset, aOffset, bOffset)` for each inner run, in output order.
    @inline(__always)
    func forEachRow(_ body: (Int, Int, Int) -> Void) {
        guard shape.product > 0 else { return }
        var index = [Int](repeating: 0, count: outer.count)
        var ao = 0, bo = 0
        for row in 0..<outer.product {
            body(row * inner, ao, bo)
            var d = outer.count - 1
            while d >= 0 {
                index[d] += 1; ao += outerA[d]; bo += outerB[d]
                if index[d] < outer[d] { break }
                ao -= outerA[d] * outer[d]; bo -= outerB[d] * outer[d]; index[d] = 0; d -= 1
            }
        }
    }
}
