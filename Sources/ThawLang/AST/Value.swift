/// One argument or option value, as written: a number, a string, a name, a layer path, a
/// list, a range, a boolean, or (for conditions) an expression.
///
/// Values are syntax, not meaning: `net` is a ``Kind/word`` whether it names a model or a
/// dataset. The catalogue says which kind each position expects, the validator checks the
/// form, and ThawLab looks names up.
public struct Value: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        /// A name (`net`, `old`) or a bare word (`adam`, `gradual`, `loss`).
        case word(String)
        case path(LayerPath)
        case boolean(Bool)
        case list([Value])
        /// `0..5` includes 5, `0..<5` stops before it.
        case range(lower: Double, upper: Double, includesUpper: Bool)
        case expression(Expression)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The words that read as booleans wherever a value is expected.
    public static let trueWords: Set<String> = ["true", "on", "yes"]
    public static let falseWords: Set<String> = ["false", "off", "no"]

    /// The boolean a word reads as: `on` is true, `off` false, `net` neither.
    public static func boolean(named word: String) -> Bool? {
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        return nil
    }

    public var number: Double? {
        if case .number(let n) = kind { return n }
        return nil
    }

    /// The number, when it is whole and fits an `Int`.
    public var integer: Int? {
        guard let n = number, n == n.rounded(), let i = Int(exactly: n) else { return nil }
        return i
    }

    public var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let b) = kind { return b }
        return nil
    }

    /// A layer path; a plain word is the path of a whole model (`net`).
    public var path: LayerPath? {
        switch kind {
        case .path(let p): p
        case .word(let w): LayerPath([w])
        default: nil
        }
    }

    public var list: [Value]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    public var expression: Expression? {
        if case .expression(let e) = kind { return e }
        return nil
    }

    /// The integers a class selector names: `3`, `[0, 2, 4]` or `0..4` / `0..<5`.
    public var integers: [Int]? {
        switch kind {
        case .number: return integer.map { [$0] }
        case .list(let items):
            var all = [Int]()
            for item in items {
                guard let some = item.integers else { return nil }
                all += some
            }
            return all
        case .range(let lower, let upper, let includesUpper):
            guard let low = Int(exactly: lower), let high = Int(exactly: upper) else { return nil }
            // Huge ranges are a typo, not a request for a billion classes: give nothing
            // rather than trap or allocate.
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span >= (includesUpper ? 0 : 1), span < 1_000_000 else { return [] }
            return Array(includesUpper ? low...high : low...(high - 1))
        default: return nil
        }
    }
}
