import ThawLab

/// Interim plain text for outputs, used until ThawLab's TerminalRenderer lands (then deleted).
struct TerminalRenderer {
    init(style: Int = 0) {}
    func render(_ outputs: [Output]) -> String {
        outputs.map { o -> String in
            switch o {
            case let .text(t), let .preformatted(t), let .note(t): t
            case let .error(e): e
            case let .metrics(ms): ms.map { "\($0.name)  \($0.value)" }.joined(separator: "\n")
            case let .table(t): ([t.title ?? "", t.columns.joined(separator: "  ")] + t.rows.map { $0.joined(separator: "  ") }).joined(separator: "\n")
            case let .plot(p): "[plot: \(p.title)]"
            case let .check(c): (c.passed ? "✓ expect " : "✗ expect ") + c.claim + "   (" + c.values.joined(separator: ", ") + ")"
            }
        }.joined(separator: "\n")
    }
}
