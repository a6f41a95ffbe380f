/// Turns source text into tokens.
///
/// The lexer never fails: text it cannot read becomes an ``Token/Kind/invalid`` token and a
/// diagnostic that says what to write instead, and lexing carries on, so one stray
/// character costs one statement, not the script.
///
///     let (tokens, diagnostics) = Lexer.tokenize(SourceFile("lr net 1e-3 # half"))
///     // word(lr) word(net) number(1e-3) end
public struct Lexer {
    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, plus one entry for the end of the text.
    let offsets: [Int]
    var index = 0
    var previous: Token.Kind = .newline
    /// What went wrong so far, in order.
    public internal(set) var diagnostics: [Diagnostic] = []

    public init(_ source: SourceFile) {
        scalars = Array(source.text.unicodeScalars)
        var offsets = [Int]()
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    /// All tokens of `source`, ending with one ``Token/Kind/end`` token, and the diagnostics
    /// for any text that could not be read.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        var tokens = [Token]()
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { break }
        }
        return (tokens, lexer.diagnostics)
    }

    /// The next token; ``Token/Kind/end`` forever once the text is used up.
    public mutating func next() -> Token {
        skipBlanksAndComments()
        let token = scanToken()
        previous = token.kind
        return token
    }

    mutating func scanToken() -> Token {
        guard let scalar = peek() else { return make(.end, from: index) }
        let start = index
        switch scalar {
        case "\n": return single(.newline)
        case ";": return single(.semicolon)
        case ",": return single(.comma)
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case "+": return single(.plus)
        case "*", "×": return single(.star)
        case "/", "÷": return single(.slash)
        case "≤": return single(.lessEqual)
        case "≥": return single(.greaterEqual)
        case "≠": return single(.notEqual)
        case "≈": return single(.equalEqual)
        case "−": return single(.minus)      // U+2212, pasted from papers
        case "-":
            if peek(1) == "-", let letter = peek(2), letter.isNameStart { return scanDashedOption() }
            return single(.minus)
        case "=": return peek(1) == "=" ? pair(.equalEqual) : single(.equals)
        case "<": return peek(1) == "=" ? pair(.lessEqual) : single(.less)
        case ">": return peek(1) == "=" ? pair(.greaterEqual) : single(.greater)
        case "!":
            if peek(1) == "=" { return pair(.notEqual) }
            index += 1
            return invalid(from: start, "unexpected `!`", suggestion: .init("write `not` to negate a condition", replacement: "not "))
        case "&", "|":
            let doubled = peek(1) == scalar
            index += doubled ? 2 : 1
            let word = scalar == "&" ? "and" : "or"
            return invalid(from: start, "unexpected `\(text(start, index))`",
                           suggestion: .init("write `\(word)`", replacement: word))
        case ".": return scanDot()
        case "\"": return scanString()
        case "'", "‘", "’", "“", "”": return scanWrongQuote()
        default:
            if scalar.isASCIIDigit { return scanNumber() }
            if scalar.isNameStart { return scanWordOrPath() }
            return scanUnexpected()
        }
    }

    // MARK: - Small helpers

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }

    func range(_ from: Int, _ to: Int) -> SourceRange {
        SourceRange(offsets[from]..<offsets[to])
    }

    func make(_ kind: Token.Kind, from start: Int, stringValue: String = "") -> Token {
        Token(kind, text(start, index), range: range(start, index), stringValue: stringValue)
    }

    mutating func single(_ kind: Token.Kind) -> Token {
        index += 1
        return make(kind, from: index - 1)
    }

    mutating func pair(_ kind: Token.Kind) -> Token {
        index += 2
        return make(kind, from: index - 2)
    }

    /// Reports a diagnostic over `start..<index` and returns an invalid token for it.
    mutating func invalid(from start: Int, _ message: String,
                          suggestion: Diagnostic.Suggestion? = nil) -> Token {
        let token = make(.invalid, from: start)
        diagnostics.append(.error(message, at: token.range, suggestion: suggestion))
        return token
    }

    mutating func skipBlanksAndComments() {
        while let scalar = peek() {
            if scalar.isBlank {
                index += 1
            } else if scalar == "#" {
                // A comment runs to the end of the line; the line break still ends the statement.
                while let next = peek(), next != "\n" { index += 1 }
            } else {
                return
            }
        }
    }
}
