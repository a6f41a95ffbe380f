import ThawText

/// `help` and `help <topic>`, generated from the catalogue so that they cannot disagree
/// with what the parser accepts.
extension CommandCatalog {
    /// The text of `help`: every command with its summary, grouped by family.
    public static func helpOverview() -> String {
        let width = all.map(\.name.count).max() ?? 0
        var lines = ["Commands (`help <command>` explains one):"]
        for family in CommandFamily.allCases {
            lines += ["", family.title]
            for spec in commands(in: family) {
                lines.append("  " + pad(spec.name, width) + "  " + spec.summary)
            }
        }
        lines += ["", "Metric functions, for `expect`, `print` and `where`:"]
        lines += wrap(functions.map(\.name).joined(separator: ", "), width: 78, indent: "  ")
        return lines.joined(separator: "\n")
    }

    /// The text of `help <topic>` for a command (or alias) or a metric function; nil when
    /// there is no such topic.
    public static func help(for topic: String) -> String? {
        if let spec = lookup(topic) { return help(for: spec) }
        if let function = function(named: topic) { return help(for: function) }
        return nil
    }

    static func help(for spec: CommandSpec) -> String {
        var lines = ["\(spec.name) — \(spec.summary)", "", "usage: \(spec.usage)"]
        let argumentRows = spec.arguments.map { argument in
            (argument.placeholder + (argument.repeats ? "..." : ""),
             argument.help + known(argument.suggestions) + (argument.isRequired ? "" : " (optional)"))
        }
        let optionRows = spec.options.map { option in
            var notes = option.isRequired ? ["required"] : option.defaultValue.map { ["default \($0)"] } ?? []
            if let bounds = option.bounds { notes.append(bounds.rangePhrase) }
            return (option.usage, option.help + known(option.suggestions)
                        + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"))
        }
        // Long entries (a list of choices) get their description on the next line
        // rather than pushing every other description to the right.
        let width = min((argumentRows + optionRows).map(\.0.count).max() ?? 0, 22)
        if !argumentRows.isEmpty {
            lines += ["", "arguments:"] + argumentRows.flatMap { row(pad($0.0, width), $0.1, width: width) }
        }
        if !optionRows.isEmpty {
            lines += ["", "options:"] + optionRows.flatMap { row(pad($0.0, width), $0.1, width: width) }
        }
        if !spec.details.isEmpty {
            lines += [""] + wrap(spec.details, width: 78, indent: "")
        }
        if spec.name == "expect" || spec.name == "print" {
            lines += ["", "functions:"]
            let functionWidth = functions.map(\.signature.count).max() ?? 0
            lines += functions.flatMap { row(pad($0.signature, functionWidth), $0.summary) }
        }
        lines += ["", "examples:"] + spec.examples.map { "  " + $0 }
        if !spec.aliases.isEmpty {
            lines += ["", "also written: " + spec.aliases.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n")
    }

    static func help(for function: FunctionSpec) -> String {
        let gives = function.returns == .boolean ? "true or false" : "a number"
        return ["\(function.signature) — \(function.summary)", "",
                "gives \(gives); use it in `expect`, `print` or `where`", "",
                "example:", "  " + function.example].joined(separator: "\n")
    }

    static func known(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : " (known: " + suggestions.joined(separator: ", ") + ")"
    }

    /// One table row, the description wrapped and indented under itself; `left` comes
    /// padded to the column width, or longer when it did not fit.
    static func row(_ left: String, _ text: String, width: Int? = nil) -> [String] {
        let column = width ?? left.count
        let indent = String(repeating: " ", count: column + 4)
        var lines = wrap(text, width: 78, indent: indent)
        if left.count > column { return ["  " + left] + lines }
        lines[0] = "  " + left + "  " + lines[0].dropFirst(indent.count)
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Word wrap (ThawText's `TextWrap`, as the terminal uses); every line starts with
    /// `indent`. Always at least one line.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        let characters = Array(text)
        let room = max(1, width - indent.count)
        return TextWrap.breaks(characters, first: room, rest: room).map { indent + String(characters[$0]) }
    }
}
