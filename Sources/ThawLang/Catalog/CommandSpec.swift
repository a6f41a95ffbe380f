/// Everything the language knows about one command: how to parse it, how to check it,
/// how to complete it, and the help that explains it. Pure data; ThawLab gives it meaning.
public struct CommandSpec: Sendable, Hashable {
    public var name: String
    public var family: CommandFamily
    /// One line, lower case, no full stop: "train a model on a dataset".
    public var summary: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var aliases: [String]
    /// What the command gives back, for `name = command`; empty when there is nothing to bind.
    public var yields: [ResultKind]
    /// A few sentences for `help <command>` beyond the summary, or empty.
    public var details: String
    /// Lines that parse and validate cleanly on their own.
    public var examples: [String]

    public init(_ name: String, _ family: CommandFamily, _ summary: String,
                arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
                aliases: [String] = [], yields: [ResultKind] = [],
                details: String = "", examples: [String]) {
        self.name = name
        self.family = family
        self.summary = summary
        self.arguments = arguments
        self.options = options
        self.aliases = aliases
        self.yields = yields
        self.details = details
        self.examples = examples
    }

    /// The option called `name`, by its name or one of its aliases.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The argument that the positional at `index` fills: the last one repeats when it is
    /// marked so (`freeze net.0 net.1 net.2`).
    public func argument(at index: Int) -> ArgumentSpec? {
        if index < arguments.count { return arguments[index] }
        if let last = arguments.last, last.repeats { return last }
        return nil
    }

    /// `train <model> on <data> [options]`: positionals, then required options, then a
    /// reminder that there are optional ones.
    public var usage: String {
        var parts = [name]
        for argument in arguments {
            var text = argument.type.placeholder.hasPrefix("<") ? argument.placeholder : argument.type.placeholder
            if argument.repeats { text += "..." }
            parts.append(argument.isRequired ? text : "[\(text)]")
        }
        for option in options where option.isRequired {
            parts.append(option.usage)
        }
        if options.contains(where: { !$0.isRequired }) { parts.append("[options]") }
        return parts.joined(separator: " ")
    }
}

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

    public init(_ name: String, _ type: ValueType, optional: Bool = false, repeats: Bool = false,
                suggestions: [String] = [], _ help: String) {
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

    public init(_ name: String, _ type: ValueType, default defaultValue: String? = nil,
                required: Bool = false, repeats: Bool = false, aliases: [String] = [],
                suggestions: [String] = [], _ help: String) {
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

/// What a command gives back to bind to a name.
public enum ResultKind: String, Sendable, Hashable {
    case model, dataset, run, snapshot
    /// A table of numbers: an evaluation, a comparison, a weight diff.
    case report
}

/// Groups commands in `help` and in the language reference.
public enum CommandFamily: String, Sendable, Hashable, CaseIterable {
    case session, data, models, training, tuning, inspection, snapshots, checks, lessons

    public var title: String {
        switch self {
        case .session: "Session"
        case .data: "Data"
        case .models: "Models"
        case .training: "Training"
        case .tuning: "Fine-tuning methods"
        case .inspection: "Looking at things"
        case .snapshots: "Snapshots and files"
        case .checks: "Checked outcomes"
        case .lessons: "Lessons"
        }
    }
}

/// A metric function callable in expressions: `accuracy(net, old)`.
public struct FunctionSpec: Sendable, Hashable {
    public enum Returns: String, Sendable, Hashable { case number, boolean }

    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var type: ValueType
        public init(_ name: String, _ type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    public var parameters: [Parameter]
    public var returns: Returns
    public var summary: String
    public var example: String

    public init(_ name: String, _ parameters: [Parameter], returns: Returns = .number,
                _ summary: String, example: String) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.summary = summary
        self.example = example
    }

    /// `accuracy(<model>, <data>)`.
    public var signature: String {
        "\(name)(" + parameters.map { "<\($0.name)>" }.joined(separator: ", ") + ")"
    }
}
