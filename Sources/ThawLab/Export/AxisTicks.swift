import Foundation

/// An axis for a figure: its range, rounded out to tick values, and the ticks with labels.
/// Linear axes step by 1, 2 or 5 times a power of ten; log axes tick at powers of ten (or at
/// 1, 2 and 5 times them when the data spans less than a decade or two).
struct AxisTicks: Equatable {
    /// The axis's ends, on the drawing scale (log10 of the value for a log axis).
    var lower: Double
    var upper: Double
    /// Tick positions on the drawing scale, with their labels.
    var ticks: [(position: Double, label: String)]
    /// Unlabelled ticks between them (2…9 × 10^k on a log axis), on the drawing scale.
    var minor: [Double] = []

    static func == (a: AxisTicks, b: AxisTicks) -> Bool {
        a.lower == b.lower && a.upper == b.upper && a.ticks.map(\.label) == b.ticks.map(\.label)
            && a.minor == b.minor
    }

    /// Ticks a 1-2-5 step apart covering `lo…hi`: of the steps that give 3 to 8 intervals, the
    /// one whose rounded-out axis wastes least room beyond the data (fewer ticks on a tie), so
    /// that 0…12 ticks by 2 rather than running on to 15.
    static func linear(_ lo: Double, _ hi: Double) -> AxisTicks {
        var lo = lo, hi = hi
        if lo == hi {
            let d = lo == 0 ? 1 : pow(10, floor(log10(abs(lo))))
            lo -= d; hi += d
        }
        let span = hi - lo
        guard span.isFinite, span > 0 else {   // ±1e308: no round ticks, just the ends
            return AxisTicks(lower: lo, upper: hi, ticks: [(lo, NumberText.significant(lo)), (hi, NumberText.significant(hi))])
        }
        let top = Int(floor(log10(span)))
        var best: (waste: Double, intervals: Int, mantissa: Int, exponent: Int, first: Int, last: Int)?
        for exponent in (top - 2)...(top + 1) {
            for mantissa in [1, 2, 5] {
                let step = stepValue(1, mantissa, exponent)
                guard max(abs(lo), abs(hi)) / step < 1e15 else { continue }
                let first = Int(floor(lo / step + 1e-9)), last = Int(ceil(hi / step - 1e-9))
                let intervals = last - first
                guard (3...8).contains(intervals) else { continue }
                let waste = (stepValue(last, mantissa, exponent) - stepValue(first, mantissa, exponent) - span) / span
                if best == nil || waste < best!.waste - 1e-9
                    || (abs(waste - best!.waste) <= 1e-9 && intervals < best!.intervals) {
                    best = (waste, intervals, mantissa, exponent, first, last)
                }
            }
        }
        guard let b = best else {
            return AxisTicks(lower: lo, upper: hi, ticks: [(lo, NumberText.significant(lo)), (hi, NumberText.significant(hi))])
        }
        let magnitude = max(abs(stepValue(b.first, b.mantissa, b.exponent)), abs(stepValue(b.last, b.mantissa, b.exponent)))
        let scientific = b.exponent < -4 || magnitude >= 1e7
        let ticks = (b.first...b.last).map { i -> (Double, String) in
            let v = stepValue(i, b.mantissa, b.exponent)
            let label = scientific ? NumberText.scientific(v) : NumberText.fixed(v, decimals: max(0, -b.exponent))
            return (v, label)
        }
        return AxisTicks(lower: ticks.first!.0, upper: ticks.last!.0, ticks: ticks)
    }

    /// i × mantissa × 10^exponent, divided rather than multiplied by a power of ten for
    /// negative exponents so that 0.1-style steps stay exact (0.3, not 0.30000000000000004).
    static func stepValue(_ i: Int, _ mantissa: Int, _ exponent: Int) -> Double {
        exponent < 0 ? Double(i * mantissa) / pow(10, Double(-exponent))
                     : Double(i * mantissa) * pow(10, Double(exponent))
    }

    /// Ticks for a log axis whose data spans `lo…hi` in log10 units.
    static func log(_ lo: Double, _ hi: Double) -> AxisTicks {
        var lo = lo, hi = hi
        if lo == hi { lo -= 0.5; hi += 0.5 }
        if hi - lo >= 1.5 {
            let first = Int(floor(lo + 1e-9)), last = Int(ceil(hi - 1e-9))
            let stride = max(1, Int((Double(last - first) / 7).rounded(.up)))
            let decades = Array(Swift.stride(from: first, through: last, by: stride))
            let scientific = decades.contains { $0 < -3 || $0 > 4 }
            let minor = stride > 1 || last - first > 6 ? [] : (first..<last).flatMap { e in
                (2...9).map { Double(e) + log10(Double($0)) }
            }
            return AxisTicks(lower: Double(first), upper: Double(last),
                             ticks: decades.map { (Double($0), label(mantissa: 1, exponent: $0, scientific: scientific)) },
                             minor: minor)
        }
        // 1, 2 and 5 times powers of ten, from the last one at or below lo to the first at or above hi.
        var candidates: [(Double, Int, Int)] = []
        for e in (Int(floor(lo)) - 1)...(Int(ceil(hi)) + 1) {
            for m in [1, 2, 5] { candidates.append((log10(Double(m)) + Double(e), m, e)) }
        }
        let start = candidates.lastIndex { $0.0 <= lo + 1e-9 } ?? 0
        let end = candidates.firstIndex { $0.0 >= hi - 1e-9 } ?? candidates.count - 1
        let chosen = candidates[start...end]
        let scientific = chosen.contains { $0.2 < -3 || $0.2 > 4 }
        return AxisTicks(lower: chosen.first!.0, upper: chosen.last!.0,
                         ticks: chosen.map { ($0.0, label(mantissa: $0.1, exponent: $0.2, scientific: scientific)) })
    }

    /// m × 10^e as a plain decimal (0.001, 20, 5000) or, when the axis needs it for any of
    /// its ticks (below 0.001 or above 10000), as `2e-5` for all of them.
    static func label(mantissa m: Int, exponent e: Int, scientific: Bool) -> String {
        if scientific { return "\(m)e\(e)" }
        if e >= 0 { return String(m) + String(repeating: "0", count: e) }
        return "0." + String(repeating: "0", count: -e - 1) + String(m)
    }
}
