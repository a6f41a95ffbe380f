/// Single values in argument and option positions: numbers, ranges, strings, words,
/// layer paths, booleans and lists.
extension Parser {
    mutating func parseValue() throws(ParseFailure) -> Value {
        let token = current
        switch token.kind {
        case .number, .minus:
            return try parseNumberOrRange()
        case .string:
            advance()
            return Value(.string(token.stringValue), range: token.range)
        case .word:
            advance()
            if let boolean = Value.boolean(named: token.text) { return Value(.boolean(boolean), range: token.range) }
            return Value(.word(token.text), range: token.range)
        case .path:
            advance()
            return Value(.path(LayerPath(parsing: token.text)), range: token.range)
        case .leftBracket:
            return try parseList()
        default:
            throw unexpected(token, expecting: "a value")
        }
    }

    /// `3`, `-2`, `1e-3`, and ranges `0..5`, `0..<5`, `-1..1`.
    mutating func parseNumberOrRange() throws(ParseFailure) -> Value {
        let (lower, lowerRange) = try parseSignedNumber()
        guard current.kind == .dotDot || current.kind == .dotDotLess else {
            return Value(.number(lower), range: lowerRange)
        }
        let dots = advance()
        guard current.kind == .number || current.kind == .minus else {
            throw .diagnostic(.error("this range has no end", at: dots.range,
                                     suggestion: .init("ranges look like `0..5` or `0..<5`")))
        }
        let (upper, upperRange) = try parseSignedNumber()
        return Value(.range(lower: lower, upper: upper, includesUpper: dots.kind == .dotDot),
                     range: lowerRange.union(upperRange))
    }

    mutating func parseSignedNumber() throws(ParseFailure) -> (Double, SourceRange) {
        var sign = 1.0
        var start = current.range
        if current.kind == .minus {
            start = advance().range
            sign = -1
        }
        guard current.kind == .number else { throw unexpected(current, expecting: "a number") }
        let number = advance()
        return (sign * number.numberValue, start.union(number.range))
    }

    /// `[a, b, c]`; `[]` is an empty list.
    mutating func parseList() throws(ParseFailure) -> Value {
        let open = advance()
        try enterNesting()
        var items = [Value]()
        if current.kind != .rightBracket {
            while true {
                items.append(try parseValue())
                if current.kind == .comma { advance(); continue }
                if current.kind == .rightBracket { break }
                throw unclosed(open, closer: "]", separatorExpected: "`,` or `]`")
            }
        }
        let close = advance()
        nesting -= 1
        return Value(.list(items), range: open.range.union(close.range))
    }

    /// Counts one more level of nesting, refusing to go deeper than the limit.
    mutating func enterNesting() throws(ParseFailure) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw .diagnostic(.error("this is nested too deeply", at: previous.range,
                                     suggestion: .init("split it into simpler parts")))
        }
    }
}
