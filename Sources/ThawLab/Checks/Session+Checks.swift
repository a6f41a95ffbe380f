import ThawLang
import ThawNN
import ThawTune

/// `expect` and `print`: a small evaluator over numbers, booleans and metric functions.
extension Session {
    enum Computed {
        case number(Double)
        case boolean(Bool)
        /// A name or a path, looked up only by the function that receives it.
        case reference(Value)

        var text: String {
            switch self {
            case let .number(n): formatNumber(n)
            case let .boolean(b): b ? "true" : "false"
            case let .reference(v): "\(v)"
            }
        }
    }

    func expect(_ condition: Expression?, within tolerance: Double?, at range: SourceRange) throws -> CommandResult {
        guard let condition else {
            throw LabError("`expect` needs a condition, such as `accuracy(net, test) > 0.9`", at: range)
        }
        var seen: [String] = []
        let value = try compute(condition, tolerance: tolerance, seen: &seen)
        guard case let .boolean(holds) = value else {
            throw LabError("this is a number (\(value.text)), not a condition: compare it, e.g. `… > 0.9`", at: condition.range)
        }
        let claim = "\(condition)" + (tolerance.map { " within \(formatNumber($0))" } ?? "")
        let message = holds ? nil : "expected \(claim), but it does not hold: " + seen.joined(separator: ", ")
        return CommandResult(outputs: [.check(CheckResult(claim: claim, passed: holds, values: seen, message: message))])
    }

    func printValue(_ v: Value) throws -> CommandResult {
        let e = v.expression ?? Expression(valueExpression(v), range: v.range)
        var seen: [String] = []
        let value = try compute(e, tolerance: nil, seen: &seen)
        return CommandResult(outputs: [.text("\(e) = \(value.text)")])
    }

    /// A plain value used where an expression is wanted (`print 3`).
    func valueExpression(_ v: Value) -> Expression.Kind {
        switch v.kind {
        case let .number(n): .number(n)
        case let .boolean(b): .boolean(b)
        case let .string(s): .string(s)
        case let .word(w): .name(w)
        case let .path(p): .path(p)
        case let .expression(e): e.kind
        default: .number(.nan)
        }
    }

    func compute(_ e: Expression, tolerance: Double?, seen: inout [String]) throws -> Computed {
        switch e.kind {
        case let .number(n): return .number(n)
        case let .boolean(b): return .boolean(b)
        case .string: throw LabError("text cannot be compared here", at: e.range)
        case let .name(n): return .reference(Value(.word(n), range: e.range))
        case let .path(p): return .reference(Value(.path(p), range: e.range))
        case .range, .list: throw LabError("a list or range cannot be used here", at: e.range)
        case let .unary(op, operand):
            let v = try compute(operand, tolerance: tolerance, seen: &seen)
            switch (op, v) {
            case let (.negate, .number(n)): return .number(-n)
            case let (.not, .boolean(b)): return .boolean(!b)
            default: throw LabError("`\(op.rawValue)` does not apply to \(v.text)", at: e.range)
            }
        case let .binary(op, lhs, rhs):
            return try binary(op, lhs, rhs, tolerance: tolerance, range: e.range, seen: &seen)
        case let .call(function, nameRange, arguments):
            let value = try call(function, arguments, nameRange: nameRange, seen: &seen)
            seen.append("\(e) = \(value.text)")
            return value
        }
    }

    func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, tolerance: Double?,
                range: SourceRange, seen: inout [String]) throws -> Computed {
        let a = try compute(lhs, tolerance: tolerance, seen: &seen)
        if op == .and, case .boolean(false) = a { return .boolean(false) }
        if op == .or, case .boolean(true) = a { return .boolean(true) }
        let b = try compute(rhs, tolerance: tolerance, seen: &seen)
        switch (a, b) {
        case let (.boolean(x), .boolean(y)) where op.isLogical:
            return .boolean(op == .and ? x && y : x || y)
        case let (.number(x), .number(y)):
            let t = tolerance ?? 0
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide: return .number(x / y)
            case .less: return .boolean(x < y)
            case .lessEqual: return .boolean(x <= y)
            case .greater: return .boolean(x > y)
            case .greaterEqual: return .boolean(x >= y)
            case .equal: return .boolean(Swift.abs(x - y) <= t)
            case .notEqual: return .boolean(Swift.abs(x - y) > t)
            default: break
            }
        default: break
        }
        throw LabError("`\(op.rawValue)` cannot combine \(a.text) and \(b.text)", at: range)
    }

    func number(_ v: Computed, _ e: Expression) throws -> Double {
        guard case let .number(n) = v else { throw LabError("expected a number here, got \(v.text)", at: e.range) }
        return n
    }

    func reference(_ e: Expression) throws -> Value {
        switch e.kind {
        case let .name(n): return Value(.word(n), range: e.range)
        case let .path(p): return Value(.path(p), range: e.range)
        default: throw LabError("expected a name from the workspace here", at: e.range)
        }
    }
}

/// Numbers as learners read them: whole numbers as such, up to 4 decimals between 0.001 and
/// a million, and 4 significant digits in scientific notation outside (`1.479e-4`, never a
/// raw float like `4.656613e-09`). Built on the renderers' `NumberText`.
func formatNumber(_ x: Double) -> String {
    if let special = NumberText.nonFinite(x) { return special }
    if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int(x)) }
    if Swift.abs(x) < 1e-3 || Swift.abs(x) >= 1e6 { return NumberText.scientific(x, digits: 4) }
    return NumberText.trimZeros(NumberText.fixed(x, decimals: 4))
}
