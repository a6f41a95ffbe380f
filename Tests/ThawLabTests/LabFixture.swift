import ThawLab

/// A session with data and models in place, as a learner's might be after a few commands.
enum LabFixture {
    static let setup = [
        "seed 3", "digits = load digits", "train, test = split digits 0.7",
        "old = select train where label < 5", "new = select train where label >= 5",
        "net = mlp 64 32 32 10", "words = load english", "lm = gpt on words width 16 heads 2 layers 1",
    ]

    static func session() -> Session {
        let s = Session()
        for line in setup { _ = s.run(line) }
        return s
    }

    /// The text of every output, for assertions on what a learner would read.
    static func text(_ outputs: [Output]) -> String {
        outputs.map { o -> String in
            switch o {
            case let .text(t), let .preformatted(t), let .markdown(t), let .note(t), let .error(t): t
            case let .metrics(ms): ms.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            case let .table(t): ([t.title ?? ""] + t.columns + t.rows.flatMap { $0 }).joined(separator: " ")
            case let .plot(p): "plot \(p.title) " + p.series.map(\.name).joined(separator: " ")
            case let .check(c): "\(c.passed ? "pass" : "fail") \(c.claim) \(c.values.joined(separator: " "))"
            }
        }.joined(separator: "\n")
    }

    static func isError(_ outputs: [Output]) -> Bool {
        outputs.contains { if case .error = $0 { true } else { false } }
    }
}
