#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Activation functions: elementwise maps with their derivatives (see `mapUnary`).
extension Tensor {
    /// max(x, 0). The gradient at exactly 0 is taken as 0, as PyTorch.
    public func relu() -> Tensor { mapUnary(ReluKernel()) }

    /// GELU, exact form as PyTorch's default `F.gelu`: x·Φ(x) with Φ the standard normal CDF,
    /// Φ(x) = ½(1 + erf(x/√2)).
    public func gelu() -> Tensor { mapUnary(GeluKernel()) }

    public func tanh() -> Tensor { mapUnary(TanhKernel()) }

    /// 1 / (1 + e⁻ˣ), computed so that no exp overflows for large |x|.
    public func sigmoid() -> Tensor { mapUnary(SigmoidKernel()) }

    /// x for x > 0, slope·x otherwise (PyTorch's default slope is 0.01).
    public func leakyRelu(slope: Float = 0.01) -> Tensor { mapUnary(LeakyReluKernel(slope: slope)) }
}

struct ReluKernel: UnaryKernel {
    func f(_ x: Float) -> Float { x > 0 ? x : 0 }
    func df(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : 0 }
}

struct GeluKernel: UnaryKernel {
    // fastErf/fastExp (FastMath.swift) rather than erff/expf: no calls, so both loops vectorise.
    func f(_ x: Float) -> Float { 0.5 * x * (1 + fastErf(x * 0.70710678)) }
    // d/dx x·Φ(x) = Φ(x) + x·φ(x), with the normal density φ(x) = e^(−x²/2) / √(2π).
    // Φ(x) is y/x (to a couple of ulps, for any x ≠ 0), which spares a second erf.
    func df(_ x: Float, _ y: Float) -> Float {
        (x != 0 ? y / x : 0.5) + x * 0.39894228 * fastExp(-0.5 * x * x)
    }
}

struct TanhKernel: UnaryKernel {
    func f(_ x: Float) -> Float { tanhf(x) }
    func df(_ x: Float, _ y: Float) -> Float { 1 - y * y }
}

struct SigmoidKernel: UnaryKernel {
    // For x < 0 use eˣ/(1 + eˣ): the same value, but e⁻ˣ could overflow there.
    func f(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + expf(-x)) }
        let e = expf(x)
        return e / (1 + e)
    }
    func df(_ x: Float, _ y: Float) -> Float { y * (1 - y) }
}

struct LeakyReluKernel: UnaryKernel {
    let slope: Float
    func f(_ x: Float) -> Float { x > 0 ? x : slope * x }
    func df(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : slope }
}
