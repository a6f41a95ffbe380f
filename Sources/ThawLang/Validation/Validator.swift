/// Checks parsed statements against the catalogue: bindings, missing and extra
/// arguments, unknown and repeated options, the form of every value, and the functions
/// expressions call.
///
/// It cannot know which names exist (that is the live workspace's business, in ThawLab);
/// it knows what each position of each command expects.
struct Validator {
    var diagnostics: [Diagnostic] = []

    /// Checks one statement; returns true when it produced no error.
    @discardableResult
    mutating func check(_ statement: Statement) -> Bool {
        let before = diagnostics.count
        guard let spec = CommandCatalog.lookup(statement.command.name) else { return true }
        checkBindings(statement, spec)
        let forgotKey = checkPositionals(statement.command, spec)
        checkOptions(statement.command, spec, missingReported: forgotKey)
        if spec.name == "expect" { checkTolerance(statement.command) }
        return !diagnostics[before...].contains { $0.severity == .error }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func checkBindings(_ statement: Statement, _ spec: CommandSpec) {
        let names = statement.bindings
        guard let first = names.first, let last = names.last else {
            // Two results with nowhere to go would be lost, and the learner with them.
            if spec.yields.count > 1 {
                report(.error("`\(spec.name)` gives back \(spec.yields.count) \(spec.yields[0].rawValue)s; bind them",
                              at: statement.command.verb.range,
                              suggestion: .init("write `a, b = \(statement.command.verb.name) …`")))
            }
            return
        }
        let span = first.range.union(last.range)
        if spec.yields.isEmpty {
            report(.error("`\(spec.name)` gives back nothing to bind", at: span,
                          suggestion: .init("write `\(statement.command.verb.name) …` without `\(first.name) =`")))
        } else if spec.yields.count != names.count {
            let things = spec.yields.count == 1 ? "one \(spec.yields[0].rawValue)"
                                                : "\(spec.yields.count) \(spec.yields[0].rawValue)s"
            let example = (1...spec.yields.count).map { "x\($0)" }.joined(separator: ", ")
            report(.error("`\(spec.name)` gives back \(things)", at: span,
                          suggestion: .init("bind \(spec.yields.count == 1 ? "it to one name" : "each"), as in `\(example) = \(spec.name) …`")))
        }
        var seen = Set<String>()
        for name in names {
            if CommandCatalog.reservedWords.contains(name.name) {
                report(.error("`\(name.name)` is a keyword and cannot name a value", at: name.range))
            } else if !seen.insert(name.name).inserted {
                report(.error("`\(name.name)` is bound twice", at: name.range))
            }
        }
    }

    /// Returns true when it reported a forgotten option key (so the missing option is not
    /// reported a second time).
    @discardableResult
    mutating func checkPositionals(_ command: Command, _ spec: CommandSpec) -> Bool {
        for (index, value) in command.positionals.enumerated() {
            guard let argument = spec.argument(at: index) else {
                if let forgotten = forgottenKey(before: value, command, spec) {
                    report(forgotten)
                    return true
                }
                report(extraArgument(value, command, spec))
                break   // what follows a stray word is rarely worth a second message
            }
            // `lora net.0 rnak 4`: the misspelt option slipped into the list of layers, and
            // its value is what does not fit. Blame the misspelling.
            if index > 0, value.expression == nil, !fits(value, argument.type),
               let word = command.positionals[index - 1].word,
               let close = Suggest.closest(to: word, among: spec.options.flatMap { [$0.name] + $0.aliases }) {
                report(.error("unknown option `\(word)` for `\(spec.name)`", at: command.positionals[index - 1].range,
                              suggestion: .didYouMean(spec.option(named: close)?.name ?? close)))
                break
            }
            checkValue(value, as: argument.type, subject: "`\(spec.name)` needs \(argument.type.phrase) here")
            checkBounds(value, argument.bounds, what: argument.placeholder, form: argument.type)
        }
        let required = spec.arguments.filter(\.isRequired)
        if command.positionals.count < required.count {
            let missing = required[command.positionals.count]
            report(.error("`\(spec.name)` needs \(missing.placeholder): \(missing.help)",
                          at: .point(command.range.end), suggestion: .init("usage: \(spec.usage)")))
        }
        return false
    }

    mutating func checkOptions(_ command: Command, _ spec: CommandSpec, missingReported: Bool) {
        var first = [String: Option]()
        for option in command.options {
            if let earlier = first[option.name] {
                report(.error("`\(option.key.name)` is given twice", at: option.key.range,
                              notes: [.init("first given here", range: earlier.key.range)]))
                continue
            }
            first[option.name] = option
            guard let optionSpec = spec.option(named: option.name) else { continue }
            for value in option.values {
                checkValue(value, as: optionSpec.type, subject: "`\(option.key.name)` needs \(optionSpec.type.phrase)")
                checkBounds(value, optionSpec.bounds, what: "`\(option.key.name)`", form: optionSpec.type)
            }
        }
        for optionSpec in missingRequiredOptions(command, spec) where !missingReported {
            report(.error("`\(spec.name)` needs `\(optionSpec.usage)`: \(optionSpec.help)",
                          at: .point(command.range.end), suggestion: .init("usage: \(spec.usage)")))
        }
    }

    func missingRequiredOptions(_ command: Command, _ spec: CommandSpec) -> [OptionSpec] {
        spec.options.filter { option in option.isRequired && !command.options.contains { $0.name == option.name } }
    }

    /// `train net old`, `restore net pre`: one required option is missing, and a stray
    /// value that would fit it stands where it belongs. Say which key to put in front.
    func forgottenKey(before value: Value, _ command: Command, _ spec: CommandSpec) -> Diagnostic? {
        let missing = missingRequiredOptions(command, spec)
        guard missing.count == 1, let option = missing.first, fits(value, option.type) else { return nil }
        return .error("`\(spec.name)` needs `\(option.name)` before `\(value)`", at: value.range,
                      suggestion: .init("write `\(option.name) \(value)`", replacement: "\(option.name) \(value)"))
    }

    /// A word where no more arguments fit is most often a misspelt option.
    func extraArgument(_ value: Value, _ command: Command, _ spec: CommandSpec) -> Diagnostic {
        let optionNames = spec.options.flatMap { [$0.name] + $0.aliases }
        if let word = value.word {
            if let close = Suggest.closest(to: word, among: optionNames) {
                return .error("unknown option `\(word)` for `\(spec.name)`", at: value.range,
                              suggestion: .didYouMean(spec.option(named: close)?.name ?? close))
            }
            if !spec.options.isEmpty {
                return .error("`\(spec.name)` has no option `\(word)`", at: value.range,
                              notes: [.init("its options: " + spec.options.map(\.name).joined(separator: ", "))])
            }
        }
        let message = spec.arguments.isEmpty ? "`\(spec.name)` takes no arguments"
                                             : "`\(spec.name)` takes no more arguments"
        return .error(message, at: value.range, suggestion: .init("usage: \(spec.usage)"))
    }

    /// `within` loosens `==` and `!=`; anywhere else it would silently mean nothing.
    mutating func checkTolerance(_ command: Command) {
        guard let within = command.option("within"),
              let condition = command.positionals.first?.expression else { return }
        let compares = condition.allSubexpressions.contains {
            if case .binary(let op, _, _) = $0.kind { return op == .equal || op == .notEqual }
            return false
        }
        if !compares {
            report(.error("`within` only applies to `==` and `!=`", at: within.key.range,
                          suggestion: .init("write `a == b within 0.02`, or drop `within`")))
        }
        if let tolerance = within.values.first?.number, tolerance < 0 {
            report(.error("a tolerance cannot be negative", at: within.values[0].range))
        }
    }
}
