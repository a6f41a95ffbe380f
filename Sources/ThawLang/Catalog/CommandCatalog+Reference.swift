/// The command reference of `docs/language.md`, generated from the catalogue. A test
/// checks that the document holds exactly this text, so the docs cannot drift from the
/// parser.
extension CommandCatalog {
    public static func markdownReference() -> String {
        var out = [String]()
        for family in CommandFamily.allCases {
            out += ["### \(family.title)", ""]
            for spec in commands(in: family) {
                out += reference(for: spec)
            }
        }
        out += ["### Metric functions", "",
                "Callable in `expect`, `print` and `select … where`.", "",
                "| function | gives | meaning |", "|---|---|---|"]
        for function in functions {
            out.append("| `\(function.signature)` | \(function.returns.rawValue) | \(cell(function.summary)) |")
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    static func reference(for spec: CommandSpec) -> [String] {
        var out = ["#### `\(spec.name)` — \(spec.summary)", "", "    \(spec.usage)", ""]
        if !spec.arguments.isEmpty || !spec.options.isEmpty {
            out += ["| | takes | default | meaning |", "|---|---|---|---|"]
            for argument in spec.arguments {
                let name = "`\(argument.placeholder)\(argument.repeats ? "..." : "")`"
                let needed = argument.isRequired ? "required" : "optional"
                let takes = argument.type.phrase + (argument.bounds.map { ", \($0.rangePhrase)" } ?? "")
                out.append("| \(name) | \(cell(takes)) | \(needed) | \(cell(argument.help + known(argument.suggestions))) |")
            }
            for option in spec.options {
                let name = "`\(option.name)`" + option.aliases.map { ", `\($0)`" }.joined()
                let takes = option.type == .flag ? "`on`/`off`, or nothing for `on`"
                                                 : option.type.phrase + (option.repeats ? ", one or more" : "")
                                                   + (option.bounds.map { ", \($0.rangePhrase)" } ?? "")
                let fallback = option.isRequired ? "required" : option.defaultValue.map { "`\($0)`" } ?? ""
                out.append("| \(name) | \(cell(takes)) | \(fallback) | \(cell(option.help + known(option.suggestions))) |")
            }
            out.append("")
        }
        if !spec.details.isEmpty { out += [spec.details, ""] }
        if !spec.yields.isEmpty {
            let kinds = spec.yields.count == 1 ? "a \(spec.yields[0].rawValue)"
                                               : "\(spec.yields.count) \(spec.yields[0].rawValue)s"
            out += ["Gives back \(kinds), to bind with `=`.", ""]
        }
        if !spec.aliases.isEmpty {
            out += ["Also written " + spec.aliases.map { "`\($0)`" }.joined(separator: ", ") + ".", ""]
        }
        out += ["```thaw"] + spec.examples + ["```", ""]
        return out
    }

    /// Table cells cannot hold a bare `|`.
    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
