/// Expressions, by precedence climbing, loosest first:
///
///     or  <  and  <  not  <  comparison  <  range  <  + -  <  * /  <  unary -  <  primary
///
/// Comparisons do not chain (`0.8 < x < 0.9` is an error that says how to write it), so a
/// condition never means something other than what it looks like.
extension Parser {
    mutating func parseExpression() throws(ParseFailure) -> Expression {
        try parseOr()
    }

    mutating func parseOr() throws(ParseFailure) -> Expression {
        var lhs = try parseAnd()
        while current.isWord("or") {
            advance()
            let rhs = try parseAnd()
            lhs = try binary(.or, lhs, rhs)
        }
        return lhs
    }

    mutating func parseAnd() throws(ParseFailure) -> Expression {
        var lhs = try parseNot()
        while current.isWord("and") {
            advance()
            let rhs = try parseNot()
            lhs = try binary(.and, lhs, rhs)
        }
        return lhs
    }

    mutating func parseNot() throws(ParseFailure) -> Expression {
        guard current.isWord("not") else { return try parseComparison() }
        let keyword = advance()
        try enterNesting()
        let operand = try parseNot()
        nesting -= 1
        return Expression(.unary(.not, operand), range: keyword.range.union(operand.range))
    }

    mutating func parseComparison() throws(ParseFailure) -> Expression {
        let lhs = try parseRange()
        if current.kind == .equals {
            throw .diagnostic(.error("`=` binds a name; it does not compare", at: current.range,
                                     suggestion: .init("write `==` to compare", replacement: "==")))
        }
        guard let op = comparisonOperator(current) else { return lhs }
        advance()
        let rhs = try parseRange()
        let result = try binary(op, lhs, rhs)
        if comparisonOperator(current) != nil {
            throw .diagnostic(.error("comparisons cannot be chained", at: current.range,
                                     suggestion: .init("join them with `and`: `a < b and b < c`")))
        }
        return result
    }

    func comparisonOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equalEqual: .equal
        case .notEqual: .notEqual
        case .word where token.text == "in": .in
        default: nil
        }
    }

    mutating func parseRange() throws(ParseFailure) -> Expression {
        let lhs = try parseAdditive()
        guard current.kind == .dotDot || current.kind == .dotDotLess else { return lhs }
        let dots = advance()
        let rhs = try parseAdditive()
        return Expression(.range(lhs, rhs, includesUpper: dots.kind == .dotDot), range: lhs.range.union(rhs.range))
    }

    mutating func parseAdditive() throws(ParseFailure) -> Expression {
        var lhs = try parseMultiplicative()
        while current.kind == .plus || current.kind == .minus {
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            let rhs = try parseMultiplicative()
            lhs = try binary(op, lhs, rhs)
        }
        return lhs
    }

    mutating func parseMultiplicative() throws(ParseFailure) -> Expression {
        var lhs = try parseUnary()
        while current.kind == .star || current.kind == .slash {
            let op: BinaryOperator = advance().kind == .star ? .multiply : .divide
            let rhs = try parseUnary()
            lhs = try binary(op, lhs, rhs)
        }
        return lhs
    }

    /// `-x`; a minus directly on a number is folded into the literal, so `-2` is the number −2.
    mutating func parseUnary() throws(ParseFailure) -> Expression {
        guard current.kind == .minus else { return try parsePrimary() }
        let minus = advance()
        try enterNesting()
        let operand = try parseUnary()
        nesting -= 1
        let range = minus.range.union(operand.range)
        if case .number(let n) = operand.kind, n >= 0 { return Expression(.number(-n), range: range) }
        return Expression(.unary(.negate, operand), range: range)
    }

    mutating func parsePrimary() throws(ParseFailure) -> Expression {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expression(.number(token.numberValue), range: token.range)
        case .string:
            advance()
            return Expression(.string(token.stringValue), range: token.range)
        case .path:
            advance()
            return Expression(.path(LayerPath(parsing: token.text)), range: token.range)
        case .word:
            if let boolean = Value.boolean(named: token.text) {
                advance()
                return Expression(.boolean(boolean), range: token.range)
            }
            if ["and", "or", "not", "in"].contains(token.text) {
                throw .diagnostic(.error("expected a value before `\(token.text)`", at: token.range))
            }
            if peek(1).kind == .leftParen { return try parseCall() }
            advance()
            return Expression(.name(token.text), range: token.range)
        case .leftParen:
            let open = advance()
            try enterNesting()
            let inner = try parseExpression()
            guard current.kind == .rightParen else { throw unclosed(open, closer: ")", separatorExpected: "`)`") }
            let close = advance()
            nesting -= 1
            return Expression(inner.kind, range: open.range.union(close.range))
        case .leftBracket:
            return try parseExpressionList()
        default:
            throw unexpected(token, expecting: "a value")
        }
    }

    /// `accuracy(net, old)`.
    mutating func parseCall() throws(ParseFailure) -> Expression {
        let name = advance()
        let open = advance()
        try enterNesting()
        let arguments = try parseSequence(open: open, closer: .rightParen, closerText: ")")
        let close = advance()
        nesting -= 1
        return Expression(.call(function: name.text, nameRange: name.range, arguments: arguments),
                          range: name.range.union(close.range))
    }

    /// `[0, 1, 2]` inside an expression: `label in [0, 1, 2]`.
    mutating func parseExpressionList() throws(ParseFailure) -> Expression {
        let open = advance()
        try enterNesting()
        let items = try parseSequence(open: open, closer: .rightBracket, closerText: "]")
        let close = advance()
        nesting -= 1
        return Expression(.list(items), range: open.range.union(close.range))
    }

    /// Comma-separated expressions up to (not past) the closing token.
    mutating func parseSequence(open: Token, closer: Token.Kind, closerText: String) throws(ParseFailure) -> [Expression] {
        var items = [Expression]()
        guard current.kind != closer else { return items }
        while true {
            items.append(try parseExpression())
            if current.kind == .comma { advance(); continue }
            if current.kind == closer { return items }
            throw unclosed(open, closer: closerText, separatorExpected: "`,` or `\(closerText)`")
        }
    }

    /// Builds `lhs op rhs`. Chains such as `1 + 1 + 1 …` nest to the left without
    /// recursion in the parser, so their length is bounded here instead: every later walk
    /// over the tree recurses.
    mutating func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) throws(ParseFailure) -> Expression {
        operators += 1
        if operators > Parser.maximumOperators {
            throw .diagnostic(.error("this expression is too long", at: lhs.range.union(rhs.range),
                                     suggestion: .init("split it into simpler parts")))
        }
        return Expression(.binary(op, lhs, rhs), range: lhs.range.union(rhs.range))
    }
}
