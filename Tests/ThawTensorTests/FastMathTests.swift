#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import ThawTensor

/// The vectorisable exp and erf of FastMath.swift against Double-precision libm, over grids
/// dense enough to hit every region their formulas switch between.
@Suite struct FastMathTests {
    @Test func expIsWithinOneAndAHalfUlps() {
        var worst = 0.0
        var x: Float = -87
        while x < 88 {
            let exact = exp(Double(x))
            worst = Swift.max(worst, Swift.abs(Double(fastExp(x)) - exact) / exact)
            x += 0.000731
        }
        #expect(worst < 1.5 * 5.97e-8, "max relative error \(worst)")
    }

    @Test func expEdges() {
        #expect(fastExp(0) == 1)
        #expect(fastExp(-90) == 0 && fastExp(-.infinity) == 0)
        #expect(fastExp(.nan).isNaN)
    }

    @Test func erfIsWithinFourAndAHalfTenMillionths() {
        var worst = 0.0
        var x: Float = -6
        while x < 6 {
            worst = Swift.max(worst, Swift.abs(Double(fastErf(x)) - erf(Double(x))))
            x += 0.0000917
        }
        #expect(worst < 4.5e-7, "max absolute error \(worst)")
    }

    @Test func erfEdges() {
        #expect(fastErf(0) == 0 && fastErf(.infinity) == 1 && fastErf(-.infinity) == -1)
        #expect(fastErf(.nan).isNaN)
        #expect(fastErf(-0.3) == -fastErf(0.3))  // odd, exactly
        #expect(Swift.abs(fastErf(1e-20) - 1.1283792e-20) < 1e-26)  // relative accuracy near 0
    }
}
