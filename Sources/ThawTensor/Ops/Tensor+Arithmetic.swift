#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementwise arithmetic: `+ - * /` with NumPy broadcasting, and the unary maps.
///
/// Each op is a tiny kernel type whose static (or instance) functions a generic loop calls; the
/// compiler specialises the loop per kernel, so the inner loops hold no closures or calls.
/// Note: inside `extension Tensor` the names `max`, `min`, `exp`, `log`, `pow`, `abs`, `sqrt`
/// are Tensor methods, so the scalar versions are spelled `Swift.max`, `expf`, `logf`, `powf`.

/// A binary elementwise op: its value and its partial derivatives times the incoming gradient.
protocol BinaryKernel {
    static func f(_ a: Float, _ b: Float) -> Float
    static func da(_ g: Float, _ a: Float, _ b: Float) -> Float
    static func db(_ g: Float, _ a: Float, _ b: Float) -> Float
    /// ∂f/∂a (resp. ∂f/∂b) is 1: that operand's gradient is the output gradient itself.
    static var passesA: Bool { get }
    static var passesB: Bool { get }
}

enum AddKernel: BinaryKernel {
    static func f(_ a: Float, _ b: Float) -> Float { a + b }
    static func da(_ g: Float, _ a: Float, _ b: Float) -> Float { g }
    static func db(_ g: Float, _ a: Float, _ b: Float) -> Float { g }
    static var passesA: Bool { true }
    static var passesB: Bool { true }
}

enum SubKernel: BinaryKernel {
    static func f(_ a: Float, _ b: Float) -> Float { a - b }
    static func da(_ g: Float, _ a: Float, _ b: Float) -> Float { g }
    static func db(_ g: Float, _ a: Float, _ b: Float) -> Float { -g }
    static var passesA: Bool { true }
    static var passesB: Bool { false }
}

enum MulKernel: BinaryKernel {
    static func f(_ a: Float, _ b: Float) -> Float { a * b }
    static func da(_ g: Float, _ a: Float, _ b: Float) -> Float { g * b }
    static func db(_ g: Float, _ a: Float, _ b: Float) -> Float { g * a }
    static var passesA: Bool { false }
    static var passesB: Bool { false }
}

enum DivKernel: BinaryKernel {
    static func f(_ a: Float, _ b: Float) -> Float { a / b }
    static func da(_ g: Float, _ a: Float, _ b: Float) -> Float { g / b }
    static func db(_ g: Float, _ a: Float, _ b: Float) -> Float { -g * a / (b * b) }  // d(a/b)/db = −a/b²
    static var passesA: Bool { false }
    static var passesB: Bool { false }
}

extension Tensor {
    /// Runs kernel `K` over the broadcast of `a` and `b`. Backward sums each operand's gradient
    /// over the dimensions it was broadcast along (a stride-0 run adds up into one element).
    static func binary<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _: K.Type, _ op: String) -> Tensor {
        let plan = BroadcastPlan(a.shape, b.shape, op: op)
        let n = plan.shape.product, len = plan.inner, (sa, sb) = (plan.innerA, plan.innerB)
        let y = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            a.data.withUnsafeBufferPointer { ap in
                b.data.withUnsafeBufferPointer { bp in
                    plan.forEachRow { o, ao, bo in
                        let out = buf.baseAddress! + o, pa = ap.baseAddress! + ao, pb = bp.baseAddress! + bo
                        if sa == 0 { let x = pa[0]; for i in 0..<len { out[i] = K.f(x, pb[i]) } }
                        else if sb == 0 { let z = pb[0]; for i in 0..<len { out[i] = K.f(pa[i], z) } }
                        else { for i in 0..<len { out[i] = K.f(pa[i], pb[i]) } }
                    }
                }
            }
            initialized = n
        }
        return .result(y, shape: plan.shape, inputs: [a, b]) { g in
            if a.shape == b.shape {  // the common case: plain elementwise gradients, fresh arrays
                if a.requiresGrad { a.accumulateGrad(K.passesA ? g : sameShapeGrad(g, a, b, K.da)) }
                if b.requiresGrad { b.accumulateGrad(K.passesB ? g : sameShapeGrad(g, a, b, K.db)) }
                return
            }
            // An operand with as many elements as the output was not broadcast at all.
            if a.requiresGrad && K.passesA && a.count == n { a.accumulateGrad(g) }
            else if a.requiresGrad {
                withOperands(g, a, b, into: a) { gp, ap, bp, ga in
                    plan.forEachRow { o, ao, bo in
                        let pg = gp + o, pa = ap + ao, pb = bp + bo, dst = ga + ao
                        if sa == 0 {  // a repeated along this run: its one element collects the sum
                            var s: Float = 0
                            let x = pa[0]
                            for i in 0..<len { s += K.da(pg[i], x, pb[i]) }
                            dst[0] += s
                        } else if sb == 0 { let z = pb[0]; for i in 0..<len { dst[i] += K.da(pg[i], pa[i], z) } }
                        else { for i in 0..<len { dst[i] += K.da(pg[i], pa[i], pb[i]) } }
                    }
                }
            }
            if b.requiresGrad && K.passesB && b.count == n { b.accumulateGrad(g) }
            else if b.requiresGrad {
                withOperands(g, a, b, into: b) { gp, ap, bp, gb in
                    plan.forEachRow { o, ao, bo in
                        let pg = gp + o, pa = ap + ao, pb = bp + bo, dst = gb + bo
                        if sb == 0 {
                            var s: Float = 0
                            let z = pb[0]
                            for i in 0..<len { s += K.db(pg[i], pa[sa * i], z) }
                            dst[0] += s
                        } else if sa == 0 { let x = pa[0]; for i in 0..<len { dst[i] += K.db(pg[i], x, pb[i]) } }
                        else { for i in 0..<len { dst[i] += K.db(pg[i], pa[i], pb[i]) } }
                    }
                }
            }
        }
    }

    /// d(·)ᵢ = partial(gᵢ, aᵢ, bᵢ) for operands of one shape. `partial` is a kernel's static
    /// function, inlined into the loop once this generic code is specialised.
    @inline(__always)
    private static func sameShapeGrad(_ g: [Float], _ a: Tensor, _ b: Tensor,
                                      _ partial: (Float, Float, Float) -> Float) -> [Float] {
        let n = g.count
        return [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            g.withUnsafeBufferPointer { gp in
                a.data.withUnsafeBufferPointer { ap in
                    b.data.withUnsafeBufferPointer { bp in for i in 0..<n { buf[i] = partial(gp[i], ap[i], bp[i]) } }
                }
            }
            initialized = n
        }
    }

    /// Base pointers of the output gradient, both operands' values and `target`'s gradient.
    private static func withOperands(_ g: [Float], _ a: Tensor, _ b: Tensor, into target: Tensor,
                                     _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
                                              UnsafeMutablePointer<Float>) -> Void) {
        guard !g.isEmpty else { return }
        g.withUnsafeBufferPointer { gp in
            a.data.withUnsafeBufferPointer { ap in
                b.data.withUnsafeBufferPointer { bp in
                    target.withGradBuffer { gt in body(gp.baseAddress!, ap.baseAddress!, bp.baseAddress!, gt.baseAddress!) }
                }
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor { binary(a, b, AddKernel.self, "add (+)") }
    public static func - (a: Tensor, b: Tensor) -> Tensor { binary(a, b, SubKernel.self, "subtract (-)") }
    public static func * (a: Tensor, b: Tensor) -> Tensor { binary(a, b, MulKernel.self, "multiply (*)") }
    public static func / (a: Tensor, b: Tensor) -> Tensor { binary(a, b, DivKernel.self, "divide (/)") }

    // A plain number is a shape-[] constant: it broadcasts everywhere and never needs a gradient.
    public static func + (a: Tensor, b: Float) -> Tensor { a + Tensor(scalar: b) }
    public static func - (a: Tensor, b: Float) -> Tensor { a - Tensor(scalar: b) }
    public static func * (a: Tensor, b: Float) -> Tensor { a * Tensor(scalar: b) }
    public static func / (a: Tensor, b: Float) -> Tensor { a / Tensor(scalar: b) }
    public static func + (a: Float, b: Tensor) -> Tensor { Tensor(scalar: a) + b }
    public static func - (a: Float, b: Tensor) -> Tensor { Tensor(scalar: a) - b }
    public static func * (a: Float, b: Tensor) -> Tensor { Tensor(scalar: a) * b }
    public static func / (a: Float, b: Tensor) -> Tensor { Tensor(scalar: a) / b }

    public static prefix func - (x: Tensor) -> Tensor { x.negated() }

    /// This tensor repeated along broadcast dimensions to `target` (NumPy rules). The gradient
    /// is summed back over the repeated dimensions.
    public func broadcast(to target: [Int]) -> Tensor {
        let plan = BroadcastPlan(shape, target, op: "broadcast(to:)")
        precondition(plan.shape == target, "broadcast(to:): shape \(shape) cannot broadcast to \(target)")
        let n = target.product, len = plan.inner, sa = plan.innerA
        let y = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                plan.forEachRow { o, ao, _ in
                    let out = buf.baseAddress! + o, src = xp.baseAddress! + ao
                    if sa == 0 { out.initialize(repeating: src[0], count: len) }
                    else { out.initialize(from: src, count: len) }
                }
            }
            initialized = n
        }
        let x = self
        return .result(y, shape: target, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            if x.count == n { x.accumulateGrad(g); return }  // nothing was repeated
            g.withUnsafeBufferPointer { gp in
                x.withGradBuffer { gx in
                    plan.forEachRow { o, ao, _ in
                        let src = gp.baseAddress! + o, dst = gx.baseAddress! + ao
                        if sa == 0 { var s: Float = 0; for i in 0..<len { s += src[i] }; dst[0] += s }
                        else { for i in 0..<len { dst[i] += src[i] } }
                    }
                }
            }
        }
    }
}

// MARK: - Unary maps

/// An elementwise function and its derivative, given both the input x and the output y = f(x)
/// (whichever is cheaper: exp's derivative is y itself, log's is 1/x).
protocol UnaryKernel {
    func f(_ x: Float) -> Float
    func df(_ x: Float, _ y: Float) -> Float
}

extension Tensor {
    /// Applies `k` to every element; backward multiplies the incoming gradient by k's derivative.
    /// Shared by the activations.
    func mapUnary<K: UnaryKernel>(_ k: K) -> Tensor {
        let n = count
        // The loops run over plain pointers taken out first: indexing `buf` inside the nested
        // closures reloads its base on every element, and then the compiler does not vectorise.
        let y = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                guard let src = xp.baseAddress, let dst = buf.baseAddress else { return }
                for i in 0..<n { dst[i] = k.f(src[i]) }
            }
            initialized = n
        }
        let x = self
        return .result(y, shape: shape, inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // A fresh array handed to accumulateGrad becomes the gradient outright when x has
            // none yet (the usual case), which saves zero-filling a buffer and adding into it.
            let dx = [Float](unsafeUninitializedCapacity: n) { buf, initialized in
                g.withUnsafeBufferPointer { gp in
                    x.data.withUnsafeBufferPointer { xp in
                        y.withUnsafeBufferPointer { yp in
                            guard let gs = gp.baseAddress, let xs = xp.baseAddress, let ys = yp.baseAddress,
                                  let dst = buf.baseAddress else { return }
                            for i in 0..<n { dst[i] = gs[i] * k.df(xs[i], ys[i]) }
                        }
                    }
                }
                initialized = n
            }
            x.accumulateGrad(dx)
        }
    }

    public func negated() -> Tensor { mapUnary(NegKernel()) }
    public func squared() -> Tensor { mapUnary(SquareKernel()) }
    public func sqrt() -> Tensor { mapUnary(SqrtKernel()) }
    public func exp() -> Tensor { mapUnary(ExpKernel()) }
    /// The natural logarithm.
    public func log() -> Tensor { mapUnary(LogKernel()) }
    /// |x|; its gradient is sign(x), 0 at 0 (as PyTorch).
    public func abs() -> Tensor { mapUnary(AbsKernel()) }
    /// Each value limited to [min, max]; the gradient passes only where min ≤ x ≤ max (as PyTorch).
    public func clamped(min lo: Float = -.infinity, max hi: Float = .infinity) -> Tensor {
        precondition(lo <= hi, "clamped: min \(lo) is above max \(hi)")
        return mapUnary(ClampKernel(lo: lo, hi: hi))
    }
    /// x raised to a constant power.
    public func pow(_ p: Float) -> Tensor { mapUnary(PowKernel(p: p)) }
}

struct NegKernel: UnaryKernel {
    func f(_ x: Float) -> Float { -x }
    func df(_ x: Float, _ y: Float) -> Float { -1 }
}
struct SquareKernel: UnaryKernel {
    func f(_ x: Float) -> Float { x * x }
    func df(_ x: Float, _ y: Float) -> Float { 2 * x }
}
struct SqrtKernel: UnaryKernel {
    func f(_ x: Float) -> Float { x.squareRoot() }
    func df(_ x: Float, _ y: Float) -> Float { 0.5 / y }  // d√x = 1 / (2√x)
}
struct ExpKernel: UnaryKernel {
    func f(_ x: Float) -> Float { expf(x) }
    func df(_ x: Float, _ y: Float) -> Float { y }
}
struct LogKernel: UnaryKernel {
    func f(_ x: Float) -> Float { logf(x) }
    func df(_ x: Float, _ y: Float) -> Float { 1 / x }
}
struct AbsKernel: UnaryKernel {
    func f(_ x: Float) -> Float { x.magnitude }
    func df(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
struct ClampKernel: UnaryKernel {
    let lo: Float, hi: Float
    func f(_ x: Float) -> Float { Swift.min(Swift.max(x, lo), hi) }
    func df(_ x: Float, _ y: Float) -> Float { x >= lo && x <= hi ? 1 : 0 }
}
struct PowKernel: UnaryKernel {
    let p: Float
    func f(_ x: Float) -> Float { powf(x, p) }
    // p·x^(p−1); written out for p = 0 so that 0·x⁻¹ cannot make NaN at x = 0.
    func df(_ x: Float, _ y: Float) -> Float { p == 0 ? 0 : p * powf(x, p - 1) }
}
