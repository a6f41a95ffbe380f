/// A place in a line or script, as a UTF-8 byte offset from its start.
///
/// Offsets are cheap to store and compare; the line and column a person reads are
/// computed on demand by ``SourceFile/position(of:)``, as swift-syntax does.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int

    public init(offset: Int) {
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "@\(offset)" }
}

/// A half-open span of source text, `start..<end` in UTF-8 bytes.
///
/// An empty range marks a point, for example "a value is missing here".
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ offsets: Range<Int>) {
        self.init(start: SourceLocation(offset: offsets.lowerBound),
                  end: SourceLocation(offset: offsets.upperBound))
    }

    /// An empty range at one location.
    public static func point(_ location: SourceLocation) -> SourceRange {
        SourceRange(start: location, end: location)
    }

    public var offsets: Range<Int> { start.offset..<end.offset }
    public var isEmpty: Bool { start == end }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start.offset)..<\(end.offset)" }
}

/// A line and column as a person counts them: both start at 1, and the column counts
/// Characters, so `ñ` or `·` is one column however many bytes it takes.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
