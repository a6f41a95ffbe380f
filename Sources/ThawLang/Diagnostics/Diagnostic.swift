/// A message about the source that points at the text it is about.
///
/// Every diagnostic carries a range, so the shell can draw a caret under the offending
/// token; most also say what to write instead.
///
///     error: unknown command `frezee`
///       frezee net.0
///       ^~~~~~
///     did you mean `freeze`?
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// A proposed fix: what to say, and optionally the text that could replace the
    /// diagnostic's range (a shell may offer to apply it).
    public struct Suggestion: Sendable, Hashable {
        public var message: String
        public var replacement: String?

        public init(_ message: String, replacement: String? = nil) {
            self.message = message
            self.replacement = replacement
        }

        /// "did you mean `freeze`?", replacing the range with `freeze`.
        public static func didYouMean(_ word: String) -> Suggestion {
            Suggestion("did you mean `\(word)`?", replacement: word)
        }
    }

    /// Extra context, possibly pointing somewhere else ("first given here").
    public struct Note: Sendable, Hashable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var suggestion: Suggestion?
    public var notes: [Note]

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange,
                suggestion: Suggestion? = nil, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.notes = notes
    }

    public static func error(_ message: String, at range: SourceRange,
                             suggestion: Suggestion? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: range, suggestion: suggestion, notes: notes)
    }

    /// The message and suggestion on one line, for logs and test reports:
    /// "unknown command `frezee` — did you mean `freeze`?".
    public var summary: String {
        guard let suggestion else { return message }
        return "\(message) — \(suggestion.message)"
    }

    public var description: String { "\(severity.rawValue) \(range): \(summary)" }
}
