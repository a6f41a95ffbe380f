import Testing
import ThawLang

/// The condition of `expect <text>`, fully parenthesised to show the tree's shape.
func tree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    guard let condition = statement("print \(text)", sourceLocation: sourceLocation)?.command.expression("expression")
    else { return "<no parse>" }
    return shape(condition)
}

func shape(_ e: Expression) -> String {
    switch e.kind {
    case .binary(let op, let l, let r): "(\(shape(l)) \(op.rawValue) \(shape(r)))"
    case .unary(let op, let x): "(\(op.rawValue) \(shape(x)))"
    case .range(let l, let u, let closed): "(\(shape(l))\(closed ? ".." : "..<")\(shape(u)))"
    case .call(let f, _, let args): "\(f)(" + args.map(shape).joined(separator: ", ") + ")"
    case .list(let items): "[" + items.map(shape).joined(separator: ", ") + "]"
    default: e.description
    }
}

@Suite("Expressions")
struct ExpressionTests {
    @Test func precedenceFromOrDownToUnaryMinus() {
        #expect(tree("1 + 2 * 3") == "(1 + (2 * 3))")
        #expect(tree("1 - 2 - 3") == "((1 - 2) - 3)")
        #expect(tree("a < b and c > d or e == f") == "(((a < b) and (c > d)) or (e == f))")
        #expect(tree("not a < b and c") == "((not (a < b)) and c)")
        #expect(tree("-x * 2") == "((- x) * 2)")
        #expect(tree("(1 + 2) * 3") == "((1 + 2) * 3)")
        #expect(tree("-2 - -3") == "(-2 - -3)")
    }

    @Test func callsPathsListsRangesAndMembership() {
        #expect(tree("accuracy(net, old) - forgetting(pre, net, old)") ==
                "(accuracy(net, old) - forgetting(pre, net, old))")
        #expect(tree("frozen(net.blocks.*.attn)") == "frozen(net.blocks.*.attn)")
        #expect(tree("label in [0, 1, 2]") == "(label in [0, 1, 2])")
        #expect(tree("label in 0..<5") == "(label in (0..<5))")
        #expect(tree("before.accuracy - 0.05") == "(before.accuracy - 0.05)")
        #expect(tree("trainable(net) / params(net) < 0.1") == "((trainable(net) / params(net)) < 0.1)")
    }

    @Test func booleansAndStrings() {
        #expect(tree("frozen(net.0) == true") == "(frozen(net.0) == true)")
        #expect(tree("name == \"x\"") == "(name == \"x\")")
    }

    @Test func printingPutsParenthesesOnlyWhereNeeded() throws {
        for (text, printed) in [
            ("(a + b) * c", "(a + b) * c"),
            ("a + (b * c)", "a + b * c"),
            ("a - (b - c)", "a - (b - c)"),
            ("not (a and b)", "not (a and b)"),
            ("-(a + b)", "-(a + b)"),
            ("- -x", "-(-x)"),
            ("-(-2)", "-(-2)"),
            ("(a < b) == c", "(a < b) == c"),
            ("x ≤ 1e-3", "x <= 0.001"),
        ] {
            let s = try #require(statement("print \(text)"))
            #expect(s.command.positionals[0].description == printed)
        }
    }

    @Test func comparisonsDoNotChain() {
        #expect(problems("expect 0.8 < accuracy(net, old) < 0.9") ==
                ["comparisons cannot be chained — join them with `and`: `a < b and b < c`"])
    }

    @Test func badExpressions() {
        #expect(problems("expect accuracy(net, old) = 0.9") == ["`=` binds a name; it does not compare — write `==` to compare"])
        #expect(problems("expect accuracy(net old) > 0.9") == ["expected `,` or `)`, found `old`"])
        #expect(problems("expect accuracy(net, old > 0.9") == ["this `(` is never closed — add `)` where it ends"])
        #expect(problems("expect (a > 1") == ["this `(` is never closed — add `)` where it ends"])
        #expect(problems("expect a >") == ["expected a value after `>`"])
        #expect(problems("expect and a") == ["expected a value before `and`"])
        #expect(problems("print " + String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40)) ==
                ["this is nested too deeply — split it into simpler parts"])
        #expect(problems("print " + Array(repeating: "1", count: 300).joined(separator: " + ")) ==
                ["this expression is too long — split it into simpler parts"])
    }

    @Test func conditionsMustBeConditions() {
        #expect(problems("expect accuracy(net, old)") ==
                ["`expect` needs a condition such as `label < 5` here, not a plain value — compare it with something, as in `accuracy(net, old) > 0.9`"])
        #expect(problems("expect frozen(net.0)").isEmpty)
        #expect(problems("print accuracy(net, old)").isEmpty)
    }

    @Test func functionsAreCheckedByNameAndArity() {
        #expect(problems("expect acuracy(net, old) > 0.9") == ["unknown function `acuracy` — did you mean `accuracy`?"])
        #expect(problems("expect accuracy(net) > 0.9") == ["`accuracy` takes 2 arguments, not 1 — write `accuracy(<model>, <data>)`"])
        #expect(problems("expect zzz(net) > 0.9") == ["unknown function `zzz`"])
    }

    @Test func withinNeedsAnEquality() {
        #expect(problems("expect accuracy(a, x) > 0.5 within 0.1") ==
                ["`within` only applies to `==` and `!=` — write `a == b within 0.02`, or drop `within`"])
        #expect(problems("expect a == b within -1") == ["a tolerance cannot be negative"])
    }
}
