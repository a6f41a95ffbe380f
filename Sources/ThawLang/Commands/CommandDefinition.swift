/// A command of the language as a Swift type, the way swift-argument-parser describes a
/// command-line tool: its stored properties are its arguments and options, each written
/// once with its name, its form, its limits, its default and its help.
///
///     struct Train: CommandDefinition {
///         static let about = CommandAbout("train", .training, "train a model on a dataset", examples: […])
///         @Arg("model", .model, "the model to train") var model: Value
///         @Opt("epochs", in: .atMost(Limits.epochsPerRun), "passes over the data") var epochs = 1
///         @Opt("opt", aliases: ["optimizer"], "the optimizer") var opt = OptimizerChoice.adam
///     }
///
/// Everything else is derived from that one declaration: the catalogue's ``CommandSpec``
/// (which the parser, the validator, completion, `help` and docs/language.md read) is read off
/// an instance with every default (``spec``, through `Mirror`), and ``init(_:reads:)`` decodes
/// a parsed ``Command`` into the typed values ThawLab runs. So a default, a choice list or a
/// limit exists in exactly one place.
public protocol CommandDefinition: Sendable {
    /// The command's name, family, summary, help and examples.
    static var about: CommandAbout { get }
    /// Every argument and option at its default. Written by the compiler: declare each
    /// property with `@Arg` or `@Opt` and an initial value (or none, for a required one).
    init()
}

extension CommandDefinition {
    /// The catalogue entry, read off the declared properties in declaration order.
    public static var spec: CommandSpec {
        var arguments: [ArgumentSpec] = [], options: [OptionSpec] = []
        for parameter in declaredParameters(of: Self()) {
            switch parameter.declaration {
            case let .argument(a): arguments.append(a)
            case let .option(o): options.append(o)
            }
        }
        let a = about
        return CommandSpec(a.name, a.family, a.summary, arguments: arguments, options: options,
                           aliases: a.aliases, yields: a.yields, details: a.details, examples: a.examples)
    }

    /// Decodes a command that has passed the validator. A value of the wrong form (which the
    /// validator reports before anything runs) leaves that property at its default.
    ///
    /// With `reads`, every property the caller reads afterwards is noted there: the test that
    /// proves each option of each command is used by the code that runs it.
    public init(_ command: Command, reads: ReadLog? = nil) {
        self.init()
        let context = DecodingContext(command: command, reads: reads)
        for parameter in declaredParameters(of: self) { parameter.decode(from: context) }
    }
}

/// The `@Arg` and `@Opt` properties of a command, in declaration order, looking inside
/// parameter groups.
func declaredParameters(of value: Any) -> [any DeclaredParameter] {
    Mirror(reflecting: value).children.flatMap { child -> [any DeclaredParameter] in
        if let group = child.value as? any ParameterGroup { return declaredParameters(of: group) }
        return (child.value as? any DeclaredParameter).map { [$0] } ?? []
    }
}

/// What a command is, apart from its parameters.
public struct CommandAbout: Sendable {
    public var name: String
    public var family: CommandFamily
    /// One line, lower case, no full stop: "train a model on a dataset".
    public var summary: String
    public var aliases: [String]
    /// What the command gives back, for `name = command`; empty when there is nothing to bind.
    public var yields: [ResultKind]
    /// A few sentences for `help <command>` beyond the summary, or empty.
    public var details: String
    /// Lines that parse and validate cleanly on their own.
    public var examples: [String]

    public init(_ name: String, _ family: CommandFamily, _ summary: String, aliases: [String] = [],
                yields: [ResultKind] = [], details: String = "", examples: [String]) {
        self.name = name
        self.family = family
        self.summary = summary
        self.aliases = aliases
        self.yields = yields
        self.details = details
        self.examples = examples
    }
}

/// Which parameters a handler read: a test hook (see ``CommandDefinition/init(_:reads:)``).
/// One command is decoded and run on one thread at a time.
public final class ReadLog: @unchecked Sendable {
    public private(set) var names: Set<String> = []
    public init() {}
    func note(_ name: String) { names.insert(name) }
}

/// The command being decoded, which each property wrapper reads its own value from.
struct DecodingContext {
    var command: Command
    var reads: ReadLog?

    /// The values written for an option (empty for a bare flag), or nil when it was left out.
    func optionValues(_ name: String) -> (values: [Value], range: SourceRange)? {
        command.option(name).map { ($0.values, $0.range) }
    }

    /// The positionals that fill the argument `name`: one, or all the rest for a repeating last one.
    func argumentValues(_ name: String) -> [Value] {
        command.arguments(name)
    }
}
