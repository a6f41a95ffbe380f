/// Every command and metric function of the language, as data.
///
/// The parser asks it which words are a command's options; the validator checks commands
/// against it; completion and `help` are generated from it; ThawLab evaluates what it
/// describes. Adding a command means adding one ``CommandSpec`` to a family file.
///
///     CommandCatalog.lookup("exit")?.name      // "quit"
///     CommandCatalog.lookup("train")?.usage    // "train <model> on <data> [options]"
public enum CommandCatalog {
    /// All commands, grouped by family in ``CommandFamily`` order.
    public static let all: [CommandSpec] =
        sessionCommands + dataCommands + modelCommands + trainingCommands + tuningCommands
        + inspectionCommands + snapshotCommands + checkCommands + lessonCommands

    /// The metric functions that expressions may call.
    public static let functions: [FunctionSpec] = metricFunctions

    /// Words that cannot name a value: they read as booleans or as operators.
    public static let reservedWords: Set<String> =
        Value.trueWords.union(Value.falseWords).union(["and", "or", "not", "in"])

    /// Names and aliases, for constant-time lookup.
    static let index: [String: CommandSpec] = {
        var index = [String: CommandSpec]()
        for spec in all {
            index[spec.name] = spec
            for alias in spec.aliases { index[alias] = spec }
        }
        return index
    }()

    static let functionIndex: [String: FunctionSpec] =
        Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The command called `name`, by its name or an alias.
    public static func lookup(_ name: String) -> CommandSpec? {
        index[name]
    }

    /// The metric function called `name`.
    public static func function(named name: String) -> FunctionSpec? {
        functionIndex[name]
    }

    /// Command names (no aliases), in catalogue order: the candidates for "did you mean".
    public static var names: [String] { all.map(\.name) }

    /// Command names and their aliases.
    public static var namesAndAliases: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// Commands of one family, in catalogue order.
    public static func commands(in family: CommandFamily) -> [CommandSpec] {
        all.filter { $0.family == family }
    }
}
