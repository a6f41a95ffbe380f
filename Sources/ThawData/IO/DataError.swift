/// A problem with a data file, said the way a learner can act on it: which file, which line,
/// and what was wrong there.
///
/// Every loader builds its whole result before returning, so a `DataError` always means that
/// nothing was loaded: there is no half-read dataset to clean up.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem it is, for code that reacts to it (the message is for people).
    public enum Kind: String, Sendable, Equatable {
        case notFound         // no such file or folder
        case unreadable       // it exists but could not be read (a folder, no permission)
        case empty            // no data at all
        case encoding         // not UTF-8 text
        case ragged           // a row with a different number of fields than the header
        case notNumeric       // a feature value that is not a finite number
        case missingLabel     // no label column, or an empty label
        case corrupt          // a compressed file that does not decompress, or a malformed row
    }

    public let kind: Kind
    /// The file as the caller named it.
    public let file: String
    /// The 1-based line the problem is on, when it is on one.
    public let line: Int?
    public let message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
