/// The little expression language of `expect`, `print` and `select … where`:
/// arithmetic, comparisons, `and`/`or`/`not`, and calls to metric functions.
///
///     accuracy(net, old) > 0.9 and trainable(net) < params(net) / 10
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        /// A workspace name (`net`), or inside `where` a field of an example (`label`).
        case name(String)
        /// A dotted path: a layer (`net.head`) or a part of a result (`before.accuracy`).
        case path(LayerPath)
        /// `accuracy(net, old)`: the name keeps its range so an unknown function can be
        /// pointed at.
        case call(function: String, nameRange: SourceRange, arguments: [Expression])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case range(Expression, Expression, includesUpper: Bool)
        case list([Expression])
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case equal = "==", notEqual = "!="
    /// Membership: `label in [0, 1]`, `label in 0..4`.
    case `in` = "in"
    case and = "and", or = "or"

    /// True for the operators that compare two values and yield a boolean.
    public var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .in: true
        default: false
        }
    }

    public var isLogical: Bool { self == .and || self == .or }

    /// Binding strength, loosest first; the parser and the printer share it.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .in: 4
        case .add, .subtract: 6
        case .multiply, .divide: 7
        }
    }
}

extension Expression {
    /// True when the expression yields a boolean on its face: a comparison, a logical
    /// operator, a boolean literal, or a call to a function the catalogue says returns one.
    public var isCondition: Bool {
        switch kind {
        case .boolean: return true
        case .unary(.not, _): return true
        case .binary(let op, _, _): return op.isComparison || op.isLogical
        case .call(let function, _, _):
            return CommandCatalog.function(named: function)?.returns == .boolean
        default: return false
        }
    }

    /// Every sub-expression, this one first: for walks that look for calls or operators.
    public var allSubexpressions: [Expression] {
        var result = [self]
        switch kind {
        case .call(_, _, let arguments): arguments.forEach { result += $0.allSubexpressions }
        case .unary(_, let operand): result += operand.allSubexpressions
        case .binary(_, let lhs, let rhs), .range(let lhs, let rhs, _):
            result += lhs.allSubexpressions + rhs.allSubexpressions
        case .list(let items): items.forEach { result += $0.allSubexpressions }
        default: break
        }
        return result
    }
}
