/// Why the statement being parsed was abandoned. Parsing resumes at the next statement.
enum ParseFailure: Error {
    case diagnostic(Diagnostic)
    /// The token at fault is one the lexer could not read; it has reported it already.
    case alreadyReported
}

/// Builds statements from tokens: recursive descent, one statement at a time.
///
/// It knows the catalogue only as far as syntax needs it: which words are a command's
/// option keys, and which positions hold conditions. Whether values have the right form
/// is the ``Validator``'s business.
struct Parser {
    var tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    /// How deeply brackets, calls and prefix operators are nested right now. Bounded so
    /// that `((((…` a thousand deep is a diagnostic, not a stack overflow.
    var nesting = 0
    static let maximumNesting = 32
    /// Binary operators in one statement, bounded for the same reason.
    var operators = 0
    static let maximumOperators = 200

    init(tokens: [Token]) {
        precondition(tokens.last?.kind == .end, "the lexer always ends with an end token")
        self.tokens = tokens
    }

    var current: Token { tokens[position] }
    var previous: Token { tokens[max(position - 1, 0)] }

    func peek(_ ahead: Int) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if token.kind != .end { position += 1 }
        return token
    }

    /// Every statement that parsed; a statement with an error yields a diagnostic instead,
    /// and parsing goes on after the next `;` or line break.
    mutating func parseStatements() -> [Statement] {
        var statements = [Statement]()
        while current.kind != .end {
            if current.kind == .semicolon || current.kind == .newline {
                advance()
                continue
            }
            let start = position
            nesting = 0
            operators = 0
            do {
                statements.append(try parseStatement())
            } catch {
                if case .diagnostic(let diagnostic) = error { diagnostics.append(diagnostic) }
                recover(from: start)
                if position == start { advance() }   // always make progress
            }
        }
        return statements
    }

    /// Skips to the end of the broken statement: the next line break, or the next `;` that
    /// is not inside brackets (so `[a; b]` does not start a statement at `b]`).
    mutating func recover(from start: Int) {
        var open = 0
        for token in tokens[start..<position] { open += token.bracketBalance }
        while current.kind != .end {
            if current.kind == .newline || (current.kind == .semicolon && open <= 0) { return }
            open += current.bracketBalance
            advance()
        }
    }

    mutating func parseStatement() throws(ParseFailure) -> Statement {
        let first = current
        var bindings = [Identifier]()
        var equals: Token?
        if bindingAhead() {
            while true {
                let name = advance()
                if name.kind == .equals {   // `a, = …`
                    throw .diagnostic(.error("expected a name after `,`", at: .point(previous.range.end)))
                }
                if name.kind == .path {
                    throw .diagnostic(.error("a name cannot contain dots", at: name.range,
                                             suggestion: .init("bind a plain name, like `net2`")))
                }
                bindings.append(Identifier(name.text, range: name.range))
                if advance().kind == .equals { break }   // else it was the comma
            }
            equals = previous
        }
        let command = try parseCommand(after: equals)
        return Statement(bindings: bindings, command: command, range: first.range.union(command.range))
    }

    /// True when the statement starts `name =` or `a, b =`.
    func bindingAhead() -> Bool {
        var ahead = 0
        while true {
            guard peek(ahead).kind == .word || peek(ahead).kind == .path else {
                return ahead > 0 && peek(ahead).kind == .equals   // `a, =`: a binding missing a name
            }
            switch peek(ahead + 1).kind {
            case .equals: return true
            case .comma: ahead += 2
            default: return false
            }
        }
    }

    mutating func parseCommand(after equals: Token?) throws(ParseFailure) -> Command {
        let verbToken = current
        guard verbToken.kind == .word else { throw missingCommand(after: equals) }
        guard let spec = CommandCatalog.lookup(verbToken.text) else {
            throw .diagnostic(unknownCommand(verbToken))
        }
        advance()
        var positionals = [Value]()
        var options = [Option]()
        while !current.endsStatement {
            if current.kind == .word, let option = spec.option(named: current.text) {
                options.append(try parseOption(option, of: spec))
            } else {
                if let hint = misplacedCondition(in: spec) { throw .diagnostic(hint) }
                positionals.append(try parseArgument(spec.argument(at: positionals.count), of: spec))
            }
        }
        return Command(name: spec.name, verb: Identifier(verbToken.text, range: verbToken.range),
                       positionals: positionals, options: options,
                       range: verbToken.range.union(previous.range))
    }

    mutating func parseArgument(_ argument: ArgumentSpec?, of spec: CommandSpec) throws(ParseFailure) -> Value {
        if let argument, argument.type.isExpression {
            let expression = try parseExpression()
            return Value(.expression(expression), range: expression.range)
        }
        return try parseValue()
    }

    /// `epochs 8`, `on old new`, `confusion`, `where label < 5`.
    mutating func parseOption(_ option: OptionSpec, of spec: CommandSpec) throws(ParseFailure) -> Option {
        let keyToken = advance()
        let key = Identifier(keyToken.text, range: keyToken.range)
        var values = [Value]()
        if option.type == .flag {
            // A flag alone means on; a following on/off says which, unless that word is
            // one of the command's options (`eval net confusion on old`).
            if current.kind == .word, !isOptionKey(current, of: spec), let boolean = Value.boolean(named: current.text) {
                values.append(Value(.boolean(boolean), range: advance().range))
            }
        } else if option.type.isExpression {
            guard !current.endsStatement else { throw needsValue(key, option) }
            let expression = try parseExpression()
            values.append(Value(.expression(expression), range: expression.range))
        } else {
            // A value may not be another option of the same command: `on epochs 5` is far
            // more likely a forgotten dataset than a dataset called `epochs`.
            repeat {
                guard !current.endsStatement, !isOptionKey(current, of: spec) else {
                    if values.isEmpty { throw needsValue(key, option) }
                    break
                }
                values.append(try parseValue())
            } while option.repeats
        }
        return Option(name: option.name, key: key, values: values,
                      range: key.range.union(values.last?.range ?? key.range))
    }

    func isOptionKey(_ token: Token, of spec: CommandSpec) -> Bool {
        token.kind == .word && spec.option(named: token.text) != nil
    }
}

extension Token {
    /// +1 for an opening bracket or parenthesis, −1 for a closing one.
    var bracketBalance: Int {
        switch kind {
        case .leftParen, .leftBracket: 1
        case .rightParen, .rightBracket: -1
        default: 0
        }
    }
}
