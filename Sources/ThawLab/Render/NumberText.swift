import Foundation

/// Number formatting shared by every renderer, independent of locale, so that the same value
/// always gives the same characters.
enum NumberText {
    static func nonFinite(_ v: Double) -> String? {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return nil
    }

    /// `v` with exactly `decimals` digits after the point; never `-0`.
    static func fixed(_ v: Double, decimals: Int) -> String {
        if let s = nonFinite(v) { return s }
        let s = String(format: "%.\(max(0, min(decimals, 17)))f", v)
        return dropNegativeZero(s)
    }

    static func dropNegativeZero(_ s: String) -> String {
        guard s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return s }
        return String(s.dropFirst())
    }

    /// Trailing zeros after the decimal point removed ("2.500" → "2.5", "3.000" → "3").
    static func trimZeros(_ s: String) -> String {
        guard s.contains("."), !s.contains("e") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }

    /// Scientific notation with up to `digits` significant digits: 0.00015 → "1.5e-4".
    static func scientific(_ v: Double, digits: Int = 3) -> String {
        if let s = nonFinite(v) { return s }
        let s = String(format: "%.\(max(0, digits - 1))e", v)
        guard let e = s.firstIndex(of: "e") else { return s }
        let mantissa = trimZeros(String(s[..<e]))
        let exponent = Int(s[s.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    /// A whole number with thousands separators: 26122 → "26,122".
    static func grouped(_ v: Double) -> String {
        if let s = nonFinite(v) { return s }
        let r = v.rounded()
        guard abs(r) < 1e18 else { return fixed(r, decimals: 0) }
        let n = Int(r)
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A metric's value as its format asks: 0.9731 → "97.3%", `.decimals(4)` → "0.0840".
    static func metric(_ m: Metric) -> String {
        switch m.format {
        case .percent: return nonFinite(m.value) ?? fixed(m.value * 100, decimals: 1) + "%"
        case .decimals(let d): return fixed(m.value, decimals: d)
        case .count: return grouped(m.value)
        }
    }

    /// A value on a terminal plot's axis whose range spans `span`: enough decimals that the
    /// two ends differ (three significant digits of the span), trailing zeros dropped;
    /// scientific for very large or very small magnitudes.
    static func axis(_ v: Double, span: Double, magnitude: Double) -> String {
        if let s = nonFinite(v) { return s }
        if v == 0 { return "0" }
        if magnitude >= 1e6 || magnitude < 1e-3 { return scientific(v) }
        let decimals = span > 0 ? 3 - Int(floor(log10(span))) : 3
        return trimZeros(fixed(v, decimals: min(max(decimals, 0), 6)))
    }

    /// Three significant digits, plain between 0.001 and a million, scientific outside.
    static func significant(_ v: Double) -> String {
        if let s = nonFinite(v) { return s }
        if v == 0 { return "0" }
        let m = abs(v)
        if m >= 1e6 || m < 1e-3 { return scientific(v) }
        let decimals = 2 - Int(floor(log10(m)))
        return trimZeros(fixed(v, decimals: max(decimals, 0)))
    }

    /// A coordinate for SVG: at most two decimals, trailing zeros dropped, computed with
    /// integer arithmetic so the text never depends on the platform's printf.
    static func coordinate(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let hundredths = Int((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let m = hundredths.magnitude
        let whole = m / 100, frac = m % 100
        if frac == 0 { return sign + String(whole) }
        let f = frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0\(frac)" : String(frac))
        return sign + "\(whole).\(f)"
    }
}

extension Metric {
    /// The value as text, as its format asks ("97.3%", "0.0840", "26,122").
    public var formattedValue: String { NumberText.metric(self) }
}
