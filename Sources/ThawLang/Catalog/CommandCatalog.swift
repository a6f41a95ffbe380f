/// Every command and metric function of the language, as data.
///
/// The parser asks it which words are a command's options; the validator checks commands
/// against it; completion and `help` are generated from it; ThawLab evaluates what it
/// describes. Adding a command means declaring one ``CommandDefinition`` type (in
/// `Commands/Definitions/`) and listing it in ``definitions``.
///
///     CommandCatalog.lookup("exit")?.name      // "quit"
///     CommandCatalog.lookup("train")?.usage    // "train <model> on <data> [options]"
public enum CommandCatalog {
    /// Every command type, grouped by family in ``CommandFamily`` order.
    public static let definitions: [any CommandDefinition.Type] = [
        HelpCommand.self, SeedCommand.self, ExportCommand.self, ResetCommand.self, BudgetCommand.self, QuitCommand.self,
        LoadCommand.self, SelectCommand.self, SplitCommand.self, TransformCommand.self, JoinCommand.self,
        MLPCommand.self, CNNCommand.self, GPTCommand.self, EncoderCommand.self, PretrainedCommand.self,
        CloneCommand.self, HeadCommand.self,
        TrainCommand.self, SearchCommand.self, LRCommand.self, LRFindCommand.self, FreezeCommand.self, UnfreezeCommand.self,
        LoRACommand.self, AdapterCommand.self, PromptCommand.self, BitFitCommand.self, MergeCommand.self,
        QuantizeCommand.self,
        ShowCommand.self, EvalCommand.self, SampleCommand.self, PlotCommand.self, CompareCommand.self, DiffCommand.self,
        SnapshotCommand.self, RestoreCommand.self, SaveCommand.self,
        ExpectCommand.self, PrintCommand.self,
        LessonsCommand.self, NextCommand.self, HintCommand.self, PredictCommand.self, CheckCommand.self,
    ]

    /// All commands' catalogue entries, derived from ``definitions``.
    public static let all: [CommandSpec] = definitions.map { $0.spec }

    /// The command type called `name` (or an alias).
    public static func definition(named name: String) -> (any CommandDefinition.Type)? {
        index[name]?.type
    }

    /// The metric functions that expressions may call.
    public static let functions: [FunctionSpec] = metricFunctions

    /// Words that cannot name a value: they read as booleans or as operators.
    public static let reservedWords: Set<String> =
        Value.trueWords.union(Value.falseWords).union(["and", "or", "not", "in"])

    /// Each command's type and spec by its name and its aliases, for constant-time lookup.
    static let index: [String: (type: any CommandDefinition.Type, spec: CommandSpec)] = {
        var index = [String: (type: any CommandDefinition.Type, spec: CommandSpec)]()
        for (type, spec) in zip(definitions, all) {
            for name in [spec.name] + spec.aliases { index[name] = (type, spec) }
        }
        return index
    }()

    static let functionIndex: [String: FunctionSpec] =
        Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The command called `name`, by its name or an alias.
    public static func lookup(_ name: String) -> CommandSpec? {
        index[name]?.spec
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
