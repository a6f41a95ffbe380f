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

/// What a command gives back to bind to a name.
public enum ResultKind: String, Sendable, Hashable {
    case model, dataset, run, snapshot
    /// A table of numbers: an evaluation, a comparison, a weight diff.
    case report
    /// A learning-rate sweep (`lrfind`).
    case sweep
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
