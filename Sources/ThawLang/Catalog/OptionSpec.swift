/// A `key value` option: `epochs 8`.
public struct OptionSpec: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    /// The value used when the option is left out, as it would be written ("1e-3", "adam",
    /// "off"); nil when leaving it out means "not used".
    public var defaultValue: String?
    public var isRequired: Bool
    /// Takes one or more values (`on old new`), up to the next option or the end.
    public var repeats: Bool
    public var aliases: [String]
    public var help: String
    public var suggestions: [String]
    /// The numbers it accepts, checked by the validator; nil for no limit beyond its form.
    public var bounds: Bounds?

    public init(_ name: String, _ type: ValueType, default defaultValue: String? = nil,
                required: Bool = false, repeats: Bool = false, aliases: [String] = [],
                bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.bounds = bounds
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = required
        self.repeats = repeats
        self.aliases = aliases
        self.suggestions = suggestions
        self.help = help
    }

    /// `epochs <n>`, `on <data>...`, `confusion` (a flag reads best bare).
    public var usage: String {
        if type == .flag { return name }
        return "\(name) \(type.placeholder)" + (repeats ? "..." : "")
    }
}
