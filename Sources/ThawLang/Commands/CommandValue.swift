/// A Swift type a command parameter can hold: how it reads from the values written, which
/// form the validator expects of it, and how its default reads in help.
public protocol CommandValue: Sendable {
    /// The form the validator checks, when the Swift type decides it (`Int` is a count, a
    /// choice enum its words); nil when the declaration must say (`Value`: a model? a dataset?).
    static var valueType: ValueType? { get }
    /// True for arrays: the parameter takes one or more values (`on old new`).
    static var repeats: Bool { get }
    /// True for optionals: the parameter may be left out with no default.
    static var isOptional: Bool { get }
    /// The value of a required parameter before decoding, and of an optional one left out.
    static var missing: Self { get }
    /// Reads the values written for the parameter (one, or several when it repeats; none
    /// for a bare flag). Nil when they do not have this type's form.
    init?(values: [Value])
    /// The default as a learner would write it ("1e-3", "adam", "8 16"), for help.
    var defaultText: String? { get }
}

extension CommandValue {
    public static var repeats: Bool { false }
    public static var isOptional: Bool { false }
}

extension Int: CommandValue {
    public static var valueType: ValueType? { .count }
    public static var missing: Int { 0 }
    public init?(values: [Value]) {
        guard let n = values.first?.integer else { return nil }
        self = n
    }
    public var defaultText: String? { String(self) }
}

extension Double: CommandValue {
    public static var valueType: ValueType? { .number }
    public static var missing: Double { 0 }
    public init?(values: [Value]) {
        guard let n = values.first?.number else { return nil }
        self = n
    }
    /// Small rates read as `1e-3`, as people write them.
    public var defaultText: String? {
        guard self != 0, abs(self) < 0.01 else { return self == rounded() ? String(Int(self)) : String(self) }
        var mantissa = abs(self), exponent = 0
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        mantissa = (mantissa * 1e6).rounded() / 1e6   // 2.9999999999999996 is 3
        let m = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
        return (self < 0 ? "-" : "") + "\(m)e\(exponent)"
    }
}

extension Bool: CommandValue {
    public static var valueType: ValueType? { .flag }
    public static var missing: Bool { false }
    /// A bare flag (`confusion`) is on.
    public init?(values: [Value]) {
        guard let first = values.first else { self = true; return }
        guard let b = first.boolean ?? first.word.flatMap(Value.boolean(named:)) else { return nil }
        self = b
    }
    public var defaultText: String? { self ? "on" : "off" }
}

extension String: CommandValue {
    public static var valueType: ValueType? { .text }
    public static var missing: String { "" }
    /// A quoted string, or a bare word where the declaration asks for `.word`.
    public init?(values: [Value]) {
        guard let s = values.first?.string ?? values.first?.word else { return nil }
        self = s
    }
    public var defaultText: String? { isEmpty ? nil : self }
}

/// A value as written, for parameters whose meaning ThawLab decides: names in the
/// workspace, layer paths, conditions.
extension Value: CommandValue {
    public static var valueType: ValueType? { nil }
    public static var missing: Value { Value(.list([]), range: .point(SourceLocation(offset: 0))) }
    public init?(values: [Value]) {
        guard let first = values.first else { return nil }
        self = first
    }
    public var defaultText: String? { nil }
}

extension Optional: CommandValue where Wrapped: CommandValue {
    public static var valueType: ValueType? { Wrapped.valueType }
    public static var repeats: Bool { Wrapped.repeats }
    public static var isOptional: Bool { true }
    public static var missing: Wrapped? { nil }
    public init?(values: [Value]) {
        guard let w = Wrapped(values: values) else { return nil }
        self = .some(w)
    }
    public var defaultText: String? { self?.defaultText }
}

extension Array: CommandValue where Element: CommandValue {
    public static var valueType: ValueType? { Element.valueType }
    public static var repeats: Bool { true }
    public static var missing: [Element] { [] }
    public init?(values: [Value]) {
        var elements: [Element] = []
        for v in values {
            guard let e = Element(values: [v]) else { return nil }
            elements.append(e)
        }
        self = elements
    }
    public var defaultText: String? { isEmpty ? nil : compactMap(\.defaultText).joined(separator: " ") }
}

/// A fixed set of bare words as a Swift enum: `opt adam`, `schedule cosine`. The enum's
/// cases are the one list of choices; help, completion and the validator read it.
public protocol ChoiceValue: CommandValue, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceValue {
    public static var valueType: ValueType? { .choice(allCases.map(\.rawValue)) }
    public static var missing: Self { allCases.first! }
    public init?(values: [Value]) {
        guard let word = values.first?.word, let v = Self(rawValue: word) else { return nil }
        self = v
    }
    public var defaultText: String? { rawValue }
}

/// Which rows `show` prints: the first few (`rows 20`) or a range (`rows 0..20`).
public enum Rows: CommandValue, Equatable {
    case first(Int)
    case indices([Int])

    public static var valueType: ValueType? { .rows }
    public static var missing: Rows { .first(0) }
    public init?(values: [Value]) {
        guard let v = values.first else { return nil }
        if case .range = v.kind, let list = v.integers { self = .indices(list) } else if let n = v.integer, n >= 0 { self = .first(n) } else { return nil }
    }
    public var defaultText: String? {
        switch self {
        case .first(let n): String(n)
        case .indices(let list): list.first.map { "\($0)..\(list.last!)" }
        }
    }
}
