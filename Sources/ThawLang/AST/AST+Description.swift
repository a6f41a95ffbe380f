/// Canonical source text for the AST: what a transcript shows, what a failed `expect`
/// quotes, and what re-parses to the same tree (the fuzz test checks that round trip).
/// Aliases print as their catalogue names, booleans as `true`/`false`, and parentheses
/// appear only where precedence needs them.
extension Statement: CustomStringConvertible {
    public var description: String {
        let bound = bindings.isEmpty ? "" : bindings.map(\.name).joined(separator: ", ") + " = "
        return bound + command.description
    }
}

extension Command: CustomStringConvertible {
    public var description: String {
        ([name] + positionals.map(\.description) + options.map(\.description)).joined(separator: " ")
    }
}

extension Option: CustomStringConvertible {
    public var description: String {
        ([name] + values.map(\.description)).joined(separator: " ")
    }
}

extension Value: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .number(let n): formatNumber(n)
        case .string(let s): quoteString(s)
        case .word(let w): w
        case .path(let p): p.description
        case .boolean(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .range(let lower, let upper, let includesUpper):
            formatNumber(lower) + (includesUpper ? ".." : "..<") + formatNumber(upper)
        case .expression(let e): e.description
        }
    }
}

extension Expression: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .number(let n): return formatNumber(n)
        case .string(let s): return quoteString(s)
        case .boolean(let b): return b ? "true" : "false"
        case .name(let n): return n
        case .path(let p): return p.description
        case .call(let function, _, let arguments):
            return function + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .list(let items):
            return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .unary(.not, let operand):
            return "not " + operand.parenthesized(below: Expression.notPrecedence)
        case .unary(.negate, let operand):
            // `-(-2)`, not `--2`, which would read as a dashed option.
            if case .number(let n) = operand.kind, n < 0 || n.sign == .minus { return "-(\(operand))" }
            if case .unary(.negate, _) = operand.kind { return "-(\(operand))" }
            return "-" + operand.parenthesized(below: Expression.unaryPrecedence)
        case .binary(let op, let lhs, let rhs):
            let strength = op.precedence
            // Left-associative arithmetic and logic; comparisons do not associate at all.
            let left = lhs.parenthesized(below: op.isComparison ? strength + 1 : strength)
            let right = rhs.parenthesized(below: strength + 1)
            return "\(left) \(op.rawValue) \(right)"
        case .range(let lower, let upper, let includesUpper):
            let strength = Expression.rangePrecedence + 1
            return lower.parenthesized(below: strength) + (includesUpper ? ".." : "..<")
                + upper.parenthesized(below: strength)
        }
    }

    static let notPrecedence = 3
    static let rangePrecedence = 5
    static let unaryPrecedence = 8

    /// How tightly this expression binds when printed.
    var precedence: Int {
        switch kind {
        case .binary(let op, _, _): op.precedence
        case .unary(.not, _): Expression.notPrecedence
        case .range: Expression.rangePrecedence
        case .unary(.negate, _): Expression.unaryPrecedence
        case .number(let n) where n < 0: Expression.unaryPrecedence
        default: 9
        }
    }

    func parenthesized(below strength: Int) -> String {
        precedence < strength ? "(\(description))" : description
    }
}

/// Whole numbers print without a fraction (`8`, not `8.0`); others as Swift prints them
/// (`0.001`, `1e-05`), which the lexer reads back exactly.
func formatNumber(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    return String(n)
}

/// A string literal that lexes back to `s`.
func quoteString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\0": out += "\\0"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
