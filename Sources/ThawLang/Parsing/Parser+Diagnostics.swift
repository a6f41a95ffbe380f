/// The parser's messages, kept together so that their wording stays consistent, and each
/// says what to write instead where it can.
extension Parser {
    /// Something that is not a value where one was expected.
    func unexpected(_ token: Token, expecting what: String) -> ParseFailure {
        switch token.kind {
        case .invalid:
            return .alreadyReported
        case .newline, .semicolon, .end:
            return .diagnostic(.error("expected \(what) after \(previous.quoted)",
                                      at: .point(previous.range.end)))
        case .equals:
            return .diagnostic(.error("unexpected `=` inside a command", at: token.range,
                                      suggestion: .init("options are written `key value`, as in `epochs 8`; compare with `==`")))
        case .dotDot, .dotDotLess:
            return .diagnostic(.error("this range has no start", at: token.range,
                                      suggestion: .init("ranges look like `0..5` or `0..<5`")))
        case .slash where (previous.kind == .word || previous.kind == .path) && previous.range.end == token.range.start:
            // `runs/net.safetensors` without quotes: offer the quoted text, all of it.
            var end = position
            while !tokens[end + 1].endsStatement, tokens[end + 1].range.start == tokens[end].range.end { end += 1 }
            let range = previous.range.union(tokens[end].range)
            let text = tokens[(position - 1)...end].map(\.text).joined()
            return .diagnostic(.error("file names are written in quotes", at: range,
                                      suggestion: .init("write `\"\(text)\"`", replacement: "\"\(text)\"")))
        case .leftParen where previous.kind == .word && previous.range.end == token.range.start:
            return .diagnostic(.error("unexpected `(`", at: token.range,
                                      suggestion: .init("metric functions such as `\(previous.text)(…)` are used in `expect` and `print`")))
        default:
            return .diagnostic(.error("expected \(what), found \(token.quoted)", at: token.range))
        }
    }

    /// A bracket or parenthesis that never closes, or a list with a stray item in it.
    func unclosed(_ open: Token, closer: String, separatorExpected: String) -> ParseFailure {
        if current.kind == .invalid { return .alreadyReported }
        if current.endsStatement {
            return .diagnostic(.error("this `\(open.text)` is never closed", at: open.range,
                                      suggestion: .init("add `\(closer)` where it ends")))
        }
        return .diagnostic(.error("expected \(separatorExpected), found \(current.quoted)", at: current.range,
                                  notes: [.init("the `\(open.text)` opened here", range: open.range)]))
    }

    /// The start of a statement (or what follows `=`) is not a command name.
    func missingCommand(after equals: Token?) -> ParseFailure {
        let token = current
        if token.kind == .invalid { return .alreadyReported }
        if let equals, token.endsStatement {
            return .diagnostic(.error("expected a command after `=`", at: .point(equals.range.end),
                                      notes: [.init("`=` binds what a command gives back, as in `net = mlp 64 10`")]))
        }
        if token.kind == .equals {
            return .diagnostic(.error("expected a name before `=`", at: token.range))
        }
        var diagnostic = Diagnostic.error("expected a command, found \(token.quoted)", at: token.range)
        if token.kind == .path {
            diagnostic.suggestion = .init("to look at it, write `show \(token.text)`",
                                          replacement: "show \(token.text)")
        } else if equals != nil {
            diagnostic.notes = [.init("`=` binds what a command gives back, as in `net = mlp 64 10`")]
        }
        return .diagnostic(diagnostic)
    }

    /// An unknown verb: the closest command, or a hint when it is a function's name.
    func unknownCommand(_ token: Token) -> Diagnostic {
        var diagnostic = Diagnostic.error("unknown command `\(token.text)`", at: token.range)
        if CommandCatalog.function(named: token.text) != nil {
            diagnostic.suggestion = .init("to see its value, write `print \(token.text)(…)`",
                                          replacement: "print \(token.text)")
        } else if let close = Suggest.closest(to: token.text, among: CommandCatalog.namesAndAliases) {
            diagnostic.suggestion = .didYouMean(CommandCatalog.lookup(close)?.name ?? close)
        } else {
            diagnostic.notes = [.init("type `help` to list the commands")]
        }
        return diagnostic
    }

    func needsValue(_ key: Identifier, _ option: OptionSpec) -> ParseFailure {
        if current.kind == .invalid { return .alreadyReported }
        return .diagnostic(.error("`\(key.name)` needs a value: \(option.type.phrase)", at: key.range))
    }

    /// `select digits label < 5`: a comparison where a value was expected, in a command
    /// that has a condition option. Say which option the condition belongs to.
    func misplacedCondition(in spec: CommandSpec) -> Diagnostic? {
        guard let option = spec.options.first(where: { $0.type == .condition }) else { return nil }
        let comparison: Set<Token.Kind> = [.less, .lessEqual, .greater, .greaterEqual, .equalEqual, .notEqual]
        guard comparison.contains(peek(1).kind), current.kind == .word || current.kind == .path else { return nil }
        guard spec.argument(at: 0)?.type.isExpression != true else { return nil }
        return .error("a condition must follow `\(option.name)`", at: current.range,
                      suggestion: .init("write `\(option.name) \(current.text) …`", replacement: "\(option.name) \(current.text)"))
    }
}
