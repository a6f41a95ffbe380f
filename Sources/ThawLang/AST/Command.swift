/// A verb with its positional arguments and its `key value` options.
///
/// Positionals and options keep the order in which they were written (each list on its
/// own). `name` is the catalogue's name for the verb, so `exit` arrives as `quit`, and each
/// option's ``Option/name`` likewise resolves aliases.
public struct Command: Sendable, Hashable {
    /// The catalogue name of the verb (aliases resolved).
    public var name: String
    /// The verb as written, with its range.
    public var verb: Identifier
    public var positionals: [Value]
    public var options: [Option]
    public var range: SourceRange

    public init(name: String, verb: Identifier, positionals: [Value] = [],
                options: [Option] = [], range: SourceRange) {
        self.name = name
        self.verb = verb
        self.positionals = positionals
        self.options = options
        self.range = range
    }
}

/// `epochs 8`, `on old new`, `confusion` (a flag with no value), `where label < 5`.
public struct Option: Sendable, Hashable {
    /// The catalogue name of the option (aliases resolved).
    public var name: String
    /// The key as written, with its range.
    public var key: Identifier
    /// Usually one value; none for a bare flag; several for options that take a list of
    /// names (`on old new`).
    public var values: [Value]
    public var range: SourceRange

    public init(name: String, key: Identifier, values: [Value], range: SourceRange) {
        self.name = name
        self.key = key
        self.values = values
        self.range = range
    }
}
