/// The seeded random number generator behind everything random in Thaw: initialisers,
/// shuffling, dropout, augmentation, noise. Same seed, same numbers, on every machine.
///
/// It is xoshiro256** (Blackman & Vigna), seeded through SplitMix64. `split()` derives an
/// independent stream, so that, say, the data shuffler and dropout do not disturb each other's
/// sequence when one of them draws more numbers.
///
/// ```swift
/// var rng = RNG(seed: 7)
/// var dropoutRNG = rng.split()
/// let x = rng.normal()     // N(0, 1)
/// ```
public struct RNG: RandomNumberGenerator, Sendable, Equatable, Codable {
    /// The four words of generator state; saved in checkpoints so a resumed run continues exactly.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var sm = seed
        state = (RNG.splitMix(&sm), RNG.splitMix(&sm), RNG.splitMix(&sm), RNG.splitMix(&sm))
    }

    /// Restores a generator from saved state words.
    public init(state words: [UInt64]) {
        precondition(words.count == 4, "RNG state has 4 words")
        state = (words[0], words[1], words[2], words[3])
        if words.allSatisfy({ $0 == 0 }) { state.0 = 1 }  // the all-zero state is a fixed point
    }

    /// The state as four words, for saving.
    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = RNG.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = RNG.rotl(state.3, 45)
        return result
    }

    /// A new generator whose stream is independent of this one's continuation.
    public mutating func split() -> RNG { RNG(seed: next()) }

    /// Uniform in [0, 1), with 24 bits of precision (exactly representable as Float).
    @inline(__always)
    public mutating func uniform() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float { low + (high - low) * uniform() }

    /// A uniformly chosen integer in 0..<n.
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs n > 0")
        return Int(next(upperBound: UInt64(n)))
    }

    /// A standard normal sample (Box–Muller in Double, so the values are platform-independent).
    public mutating func normal() -> Float {
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53   // (0, 1]: log never sees zero
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2))
    }

    /// Shuffles in place with Fisher–Yates, drawing from this generator.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, int(below: i + 1))
        }
    }

    /// A random permutation of 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    public static func == (a: RNG, b: RNG) -> Bool { a.stateWords == b.stateWords }

    public init(from decoder: Decoder) throws {
        self.init(state: try [UInt64](from: decoder))
    }

    public func encode(to encoder: Encoder) throws { try stateWords.encode(to: encoder) }
}

// Foundation-free math so ThawTensor stays light; Glibc provides these.
#if canImport(Glibc)
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Foundation
@inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
