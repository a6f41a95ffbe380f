/// A word as written, with where it was written: a verb, an option key, a bound name.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var range: SourceRange

    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }

    public var description: String { name }
}

/// One statement: a command, possibly binding its result to one or more names.
///
///     net = mlp 64 128 10          // bindings [net], command mlp
///     train, test = split digits 0.7
///     freeze net except net.head  // no binding
public struct Statement: Sendable, Hashable {
    public var bindings: [Identifier]
    public var command: Command
    public var range: SourceRange

    public init(bindings: [Identifier] = [], command: Command, range: SourceRange) {
        self.bindings = bindings
        self.command = command
        self.range = range
    }
}
