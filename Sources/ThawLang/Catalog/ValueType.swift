/// What a command expects in one argument or option position.
///
/// The parser uses it only to know where a condition starts; the validator checks that the
/// value written has the right form (a whole number, a quoted file, one of a few words);
/// completion uses it to offer names, layer paths or choices; help prints its placeholder.
public enum ValueType: Sendable, Hashable {
    /// Any number: `1e-3`, `-2`, `0.5`.
    case number
    /// A whole number, possibly zero or negative.
    case integer
    /// A whole number of at least 1: epochs, sizes, ranks.
    case count
    /// A number from 0 to 1.
    case fraction
    /// `on`/`off` (also `true`/`false`, `yes`/`no`); the option alone means `on`.
    case flag
    /// A quoted string.
    case text
    /// A quoted file name.
    case file
    /// One of a fixed set of bare words.
    case choice([String])
    /// A free bare word (a pretrained model's name, say), checked later by ThawLab.
    case word
    /// Names of things in the workspace. They differ only in help and completion.
    case model, dataset, run, snapshot, name
    /// A model name or a layer path, globs allowed: `net`, `net.0`, `net.blocks.*.attn`.
    case layers
    /// Class labels: `3`, `[0, 2, 4]`, `0..4`.
    case classes
    /// Rows to show: a range such as `0..10`, or a count.
    case rows
    /// A boolean expression: `label < 5`, `accuracy(net, old) > 0.9`.
    case condition
    /// Any expression: `trainable(net) / params(net)`.
    case expression
    /// A dataset that ships with thaw (a bare word) or a quoted file.
    case source
    /// A command or function name, for `help`.
    case topic
    /// A lesson's number or name.
    case lesson

    /// How the value is shown in a usage line.
    public var placeholder: String {
        switch self {
        case .number: "<number>"
        case .integer, .count: "<n>"
        case .fraction: "<fraction>"
        case .flag: "on|off"
        case .text: "\"<text>\""
        case .file: "\"<file>\""
        case .choice(let words): words.joined(separator: "|")
        case .word: "<word>"
        case .model: "<model>"
        case .dataset: "<data>"
        case .run: "<run>"
        case .snapshot: "<snapshot>"
        case .name: "<name>"
        case .layers: "<layers>"
        case .classes: "<classes>"
        case .rows: "<rows>"
        case .condition: "<condition>"
        case .expression: "<expression>"
        case .source: "<dataset>|\"<file>\""
        case .topic: "<command>"
        case .lesson: "<lesson>"
        }
    }

    /// How the value is described in a message: "`epochs` needs a whole number of at least 1".
    public var phrase: String {
        switch self {
        case .number: "a number"
        case .integer: "a whole number"
        case .count: "a whole number of at least 1"
        case .fraction: "a number from 0 to 1"
        case .flag: "`on` or `off`"
        case .text: "a quoted string"
        case .file: "a quoted file name"
        case .choice(let words): "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .word: "a word"
        case .model: "a model's name"
        case .dataset: "a dataset's name"
        case .run: "a run's name"
        case .snapshot: "a snapshot's name"
        case .name: "a name"
        case .layers: "a model or a layer path"
        case .classes: "class labels such as `3`, `[0, 2]` or `0..4`"
        case .rows: "rows such as `0..10`, or a count"
        case .condition: "a condition such as `label < 5`"
        case .expression: "an expression such as `trainable(net)`"
        case .source: "a dataset's name or a quoted file"
        case .topic: "a command's name"
        case .lesson: "a lesson's number or name"
        }
    }

    /// True for the types whose value is parsed as an expression rather than a single value.
    public var isExpression: Bool { self == .condition || self == .expression }

    /// True for the types whose values are names in the workspace (for completion).
    public var isWorkspaceName: Bool {
        switch self {
        case .model, .dataset, .run, .snapshot, .name, .layers: true
        default: false
        }
    }
}
