/// A positional argument: `model` in `train <model>`.
public struct ArgumentSpec: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var isRequired: Bool
    /// The last argument may take one or more values.
    public var repeats: Bool
    public var help: String
    /// Known values offered by completion and listed in help (not enforced).
    public var suggestions: [String]
    /// The numbers it accepts, checked by the validator; nil for no limit beyond its form.
    public var bounds: Bounds?

    public init(_ name: String, _ type: ValueType, optional: Bool = false, repeats: Bool = false,
                bounds: Bounds? = nil, suggestions: [String] = [], _ help: String) {
        self.bounds = bounds
        self.name = name
        self.type = type
        self.isRequired = !optional
        self.repeats = repeats
        self.suggestions = suggestions
        self.help = help
    }

    /// `<model>`, named after the argument when its type's placeholder is generic.
    public var placeholder: String { "<\(name)>" }
}
