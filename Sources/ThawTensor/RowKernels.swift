/// Sums, maxima and dot products over contiguous runs of floats, eight lanes at a time.
///
/// The compiler will not vectorise a plain `s += x[i]` loop: that would reorder the additions,
/// which changes the rounding, and Swift does not allow it. These helpers reorder on purpose:
/// eight running sums, one per lane, added together at the end. The result is as accurate
/// (often a little more) and always the same for the same input, but it may differ in the last
/// bits from a left-to-right sum.

@inline(__always)
private func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

/// Σ x[0..<n].
@inline(__always)
func rowSum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc = SIMD8<Float>(repeating: 0), i = 0
    while i + 8 <= n { acc += load8(x + i); i += 8 }
    var s = acc.sum()
    while i < n { s += x[i]; i += 1 }
    return s
}

/// Σ x[i]·y[i] over 0..<n.
@inline(__always)
func rowDot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc = SIMD8<Float>(repeating: 0), i = 0
    while i + 8 <= n { acc += load8(x + i) * load8(y + i); i += 8 }
    var s = acc.sum()
    while i < n { s += x[i] * y[i]; i += 1 }
    return s
}

/// The largest of x[0..<n] (−∞ for n = 0). NaNs are not propagated reliably: callers that
/// need that check for NaN themselves.
///
/// Comparisons and selects, not `pointwiseMax`/`Swift.max`: those follow IEEE `maximum`'s NaN
/// rules lane by lane, with a branch per lane, which made this the slowest part of softmax.
@inline(__always)
func rowMax(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc = SIMD8<Float>(repeating: -.infinity), i = 0
    while i + 8 <= n { let v = load8(x + i); acc.replace(with: v, where: v .> acc); i += 8 }
    var m = acc[0]
    for lane in 1..<8 { m = acc[lane] > m ? acc[lane] : m }
    while i < n { m = x[i] > m ? x[i] : m; i += 1 }
    return m
}

/// dst[0..<n] = src[0..<n], for short runs: explicit 4-lane moves, without the overlap checks
/// and scalar remainder loop the compiler wraps around a plain copy loop, which dominate when
/// runs are only a few values long (im2col on small images), and without a `memmove` call.
/// `dst` may be uninitialised memory (floats need no initialisation).
@inline(__always)
func copyRun(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int) {
    var i = 0
    while i + 4 <= n {
        UnsafeMutableRawPointer(dst + i).storeBytes(of: UnsafeRawPointer(src + i).loadUnaligned(as: SIMD4<Float>.self),
                                                    as: SIMD4<Float>.self)
        i += 4
    }
    while i < n { dst[i] = src[i]; i += 1 }
}

/// dst[0..<n] += src[0..<n], for short runs (see `copyRun`).
@inline(__always)
func addRun(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int) {
    var i = 0
    while i + 4 <= n {
        let sum = UnsafeRawPointer(dst + i).loadUnaligned(as: SIMD4<Float>.self)
            + UnsafeRawPointer(src + i).loadUnaligned(as: SIMD4<Float>.self)
        UnsafeMutableRawPointer(dst + i).storeBytes(of: sum, as: SIMD4<Float>.self)
        i += 4
    }
    while i < n { dst[i] += src[i]; i += 1 }
}
