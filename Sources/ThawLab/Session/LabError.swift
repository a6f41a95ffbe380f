import ThawLang

/// A command that cannot be carried out, pointing at the part of the line that is wrong.
public struct LabError: Error {
    public var message: String
    public var range: SourceRange?
    public var suggestion: String?

    public init(_ message: String, at range: SourceRange? = nil, suggestion: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }
}
