/// The front door: a line or a script, lexed, parsed and checked against the catalogue.
///
///     let script = Script("net = mlp 64 10\nfrezee net.0")
///     script.statements.count      // 1: the good statement
///     print(script.renderedDiagnostics())
///     // line 2: error: unknown command `frezee`
///     //   frezee net.0
///     //   ^~~~~~
///     // did you mean `freeze`?
///
/// Errors are per statement: a bad one yields diagnostics and is left out of
/// ``statements``, and everything around it still parses. ThawLab should run nothing from
/// a line or script that ``hasErrors``, so that a typo in line 9 does not leave the session
/// half-way through lines 1 to 8.
public struct Script: Sendable {
    public let source: SourceFile
    /// The statements that parsed and validated without error, in source order.
    public let statements: [Statement]
    /// Everything found wrong, in source order.
    public let diagnostics: [Diagnostic]

    public init(_ text: String, name: String? = nil, firstLine: Int = 1) {
        self.init(source: SourceFile(text, name: name, firstLine: firstLine))
    }

    public init(source: SourceFile) {
        self.source = source
        let (tokens, lexical) = Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        let parsed = parser.parseStatements()
        var validator = Validator()
        var valid = [Statement]()
        for statement in parsed where validator.check(statement) {
            valid.append(statement)
        }
        // Stable sort: messages about one place keep the order they were found in.
        let all = lexical + parser.diagnostics + validator.diagnostics
        self.diagnostics = all.enumerated()
            .sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
            .map(\.element)
        self.statements = valid
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// All diagnostics, rendered with carets under the source.
    public func renderedDiagnostics(with renderer: DiagnosticRenderer = .plain) -> String {
        renderer.render(diagnostics, in: source)
    }
}
