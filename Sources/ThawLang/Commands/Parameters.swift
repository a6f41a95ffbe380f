/// `@Arg` and `@Opt`: a command's positional arguments and `key value` options, declared as
/// stored properties of a ``CommandDefinition``.
///
/// Each wrapper carries its catalogue entry and a small box for its value: decoding
/// (``CommandDefinition/init(_:reads:)``) makes the command with every default, then walks its
/// wrappers and lets each take its own value from the parsed command. `$name` gives where the
/// value was written, for a message that points at it.

/// A property declared with `@Arg` or `@Opt`, as the catalogue and the decoder see it.
protocol DeclaredParameter {
    var declaration: ParameterDeclaration { get }
    /// Takes this parameter's value from `context` (called once, on a freshly made command).
    func decode(from context: DecodingContext)
}

/// Where a wrapper keeps its declaration and its value, so that decoding can fill it in place.
/// Setting the property replaces the box, so copies of a command never share a change. (The
/// box also keeps a command small: a command of 25 options is 25 pointers, not 25
/// declarations, wherever it is copied.)
final class ParameterBox<V: CommandValue>: @unchecked Sendable {
    let declaration: ParameterDeclaration
    var value: V
    var written = Written(range: nil, values: [])
    var reads: ReadLog?

    init(_ declaration: ParameterDeclaration, _ value: V) {
        self.declaration = declaration
        self.value = value
    }

    var name: String {
        switch declaration {
        case let .argument(a): a.name
        case let .option(o): o.name
        }
    }

    /// Takes the values written for this parameter (none when it was left out).
    func fill(_ values: [Value], range: SourceRange?, reads: ReadLog?) {
        if range != nil, let v = V(values: values) { value = v }
        written = Written(range: range, values: values)
        self.reads = reads
    }

    /// The value, noted as read when a `ReadLog` is listening.
    func read() -> V {
        reads?.note(name)
        return value
    }

    /// A fresh box with the same declaration and another value.
    func with(_ value: V) -> ParameterBox {
        let copy = ParameterBox(declaration, value)
        copy.written = written
        return copy
    }
}

enum ParameterDeclaration {
    case argument(ArgumentSpec)
    case option(OptionSpec)
}

/// Where a parameter's value was written.
public struct Written: Sendable {
    /// The whole option (`epochs 8`) or the argument's values; nil when it was left out.
    public var range: SourceRange?
    /// The values as written (empty when left out, or for a bare flag).
    public var values: [Value]
    /// True when the command gave this parameter.
    public var isGiven: Bool { range != nil }
}

/// A positional argument: `model` in `train <model>`.
@propertyWrapper
public struct Arg<V: CommandValue>: Sendable, DeclaredParameter {
    var box: ParameterBox<V>

    public var wrappedValue: V {
        get { box.read() }
        set { box = box.with(newValue) }
    }
    public var projectedValue: Written { box.written }
    var declaration: ParameterDeclaration { box.declaration }

    func decode(from context: DecodingContext) {
        let values = context.argumentValues(box.name)
        box.fill(values, range: values.first.map { $0.range.union(values.last!.range) }, reads: context.reads)
    }

    /// An argument that may be left out, with the value it then takes.
    public init(wrappedValue: V, _ name: String, _ type: ValueType, in bounds: Bounds? = nil,
                suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, type, optional: true, fallback: wrappedValue, bounds: bounds, suggestions: suggestions, help)
    }

    public init(wrappedValue: V, _ name: String, in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, nil, optional: true, fallback: wrappedValue, bounds: bounds, suggestions: suggestions, help)
    }

    /// An argument that must be given (unless its type is optional).
    public init(_ name: String, _ type: ValueType, in bounds: Bounds? = nil,
                suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, type, optional: V.isOptional, fallback: V.missing, bounds: bounds, suggestions: suggestions, help)
    }

    public init(_ name: String, in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, nil, optional: V.isOptional, fallback: V.missing, bounds: bounds, suggestions: suggestions, help)
    }

    init(declaring name: String, _ type: ValueType?, optional: Bool, fallback: V, bounds: Bounds?,
         suggestions: [String], _ help: String) {
        let spec = ArgumentSpec(name, Self.valueType(type, name), optional: optional, repeats: V.repeats,
                                bounds: bounds, suggestions: suggestions, help)
        box = ParameterBox(.argument(spec), fallback)
    }

    static func valueType(_ given: ValueType?, _ name: String) -> ValueType {
        guard let type = given ?? V.valueType else { preconditionFailure("argument `\(name)` needs a value type") }
        return type
    }
}

/// A `key value` option: `epochs 8`, `on old new`, a bare flag such as `confusion`.
@propertyWrapper
public struct Opt<V: CommandValue>: Sendable, DeclaredParameter {
    var box: ParameterBox<V>

    public var wrappedValue: V {
        get { box.read() }
        set { box = box.with(newValue) }
    }
    public var projectedValue: Written { box.written }
    var declaration: ParameterDeclaration { box.declaration }

    func decode(from context: DecodingContext) {
        let given = context.optionValues(box.name)
        box.fill(given?.values ?? [], range: given?.range, reads: context.reads)
    }

    /// An option with a default: the value it takes when left out, shown in help.
    public init(wrappedValue: V, _ name: String, _ type: ValueType, aliases: [String] = [],
                in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, type, required: false, fallback: wrappedValue, shownDefault: wrappedValue.defaultText,
                  aliases: aliases, bounds: bounds, suggestions: suggestions, help)
    }

    public init(wrappedValue: V, _ name: String, aliases: [String] = [],
                in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, nil, required: false, fallback: wrappedValue, shownDefault: wrappedValue.defaultText,
                  aliases: aliases, bounds: bounds, suggestions: suggestions, help)
    }

    /// An option with no default: optional (`var steps: Int?`, `var track: [Value]`), or
    /// required with `required: true`.
    public init(_ name: String, _ type: ValueType, required: Bool = false, aliases: [String] = [],
                in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, type, required: required, fallback: V.missing, shownDefault: nil,
                  aliases: aliases, bounds: bounds, suggestions: suggestions, help)
    }

    public init(_ name: String, required: Bool = false, aliases: [String] = [],
                in bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.init(declaring: name, nil, required: required, fallback: V.missing, shownDefault: nil,
                  aliases: aliases, bounds: bounds, suggestions: suggestions, help)
    }

    init(declaring name: String, _ type: ValueType?, required: Bool, fallback: V, shownDefault: String?,
         aliases: [String], bounds: Bounds?, suggestions: [String], _ help: String) {
        guard let valueType = type ?? V.valueType else { preconditionFailure("option `\(name)` needs a value type") }
        let spec = OptionSpec(name, valueType, default: shownDefault, required: required, repeats: V.repeats,
                              aliases: aliases, bounds: bounds, suggestions: suggestions, help)
        box = ParameterBox(.option(spec), fallback)
    }
}

/// The numbers a parameter accepts, beyond its form: the validator rejects `epochs 100000`
/// or `dropout 1` before anything runs.
public struct Bounds: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    /// False when the upper end itself is not allowed (`dropout` below 1).
    public var includesUpper: Bool
    /// Why the upper end is there, said when it is passed.
    public var reason: String

    public init(lower: Double, upper: Double, includesUpper: Bool = true, reason: String = "") {
        self.lower = lower
        self.upper = upper
        self.includesUpper = includesUpper
        self.reason = reason
    }

    /// 1 to `limit`, for counts Thaw keeps small so experiments take seconds.
    public static func atMost(_ limit: Int) -> Bounds {
        Bounds(lower: 1, upper: Double(limit), reason: "Thaw's models are small so experiments take seconds")
    }

    /// From 0 up to, but not including, 1: a share that must leave something (dropout).
    public static let belowOne = Bounds(lower: 0, upper: 1, includesUpper: false, reason: "it would leave nothing")

    public func contains(_ x: Double) -> Bool {
        x >= lower && (includesUpper ? x <= upper : x < upper)
    }

    /// "at most 10000", "below 1".
    public var upperPhrase: String {
        (includesUpper ? "at most " : "below ") + Self.text(upper)
    }

    /// The range as help shows it: "at most 10000", or "from 64 to 16384" when the lower end
    /// is more than a whole number's form already says (counts start at 1, fractions at 0).
    public var rangePhrase: String {
        lower > 1 ? "from \(Self.text(lower)) to \(Self.text(upper))" : upperPhrase
    }

    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
