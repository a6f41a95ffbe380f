/// What is wrong with a lesson file: every problem found, each with its file and line, so an
/// author fixes them all in one pass.
///
/// Printed compiler style, one problem a line: `01-freezing.md:42: error: unknown block kind …`.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// 1-based line in the lesson file.
        public var line: Int
        public var message: String

        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        public var description: String { "\(file):\(line): error: \(message)" }
    }

    /// In line order; never empty.
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        precondition(!problems.isEmpty, "a LessonError needs at least one problem")
        self.problems = problems.sorted { $0.line < $1.line }
    }

    public init(file: String, line: Int, _ message: String) {
        self.init([Problem(file: file, line: line, message: message)])
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
