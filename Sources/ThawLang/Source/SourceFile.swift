/// The text being parsed: one line typed at the prompt, or a whole script (a lesson's
/// fenced block, a file given to `thaw run`).
///
/// It keeps the UTF-8 bytes and where each line starts, so that ranges stay byte offsets
/// and lines and columns are computed only when a diagnostic is shown.
public struct SourceFile: Sendable {
    public let text: String
    /// Shown in front of diagnostics (`03-lora.md:42:7: error: …`) when set.
    public let name: String?
    /// The number of the first line, so that a block cut out of a Markdown lesson reports
    /// the line numbers of the lesson file.
    public let firstLine: Int

    let bytes: [UInt8]
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    public init(_ text: String, name: String? = nil, firstLine: Int = 1) {
        self.text = text
        self.name = name
        self.firstLine = firstLine
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The number of UTF-8 bytes, which is also the offset just past the end.
    public var length: Int { bytes.count }

    /// True when the text holds at most one line (a trailing newline does not count).
    public var isSingleLine: Bool {
        lineStarts.count == 1 || (lineStarts.count == 2 && lineStarts[1] == bytes.count)
    }

    public var endLocation: SourceLocation { SourceLocation(offset: bytes.count) }

    /// The text of a range; out-of-bounds parts are clipped, never trapped on.
    public func text(in range: SourceRange) -> String {
        let lower = clamp(range.start.offset)
        let upper = max(lower, clamp(range.end.offset))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The line (counting from ``firstLine``) and Character column of a location.
    public func position(of location: SourceLocation) -> SourcePosition {
        let offset = clamp(location.offset)
        let index = lineIndex(containing: offset)
        let prefix = String(decoding: bytes[lineStarts[index]..<offset], as: UTF8.self)
        return SourcePosition(line: firstLine + index, column: prefix.count + 1)
    }

    /// The text of the line holding `location`, without its line break, and the byte
    /// offset at which that line starts.
    public func line(containing location: SourceLocation) -> (text: String, start: Int) {
        let index = lineIndex(containing: clamp(location.offset))
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start)
    }

    /// Binary search: the last line that starts at or before `offset`.
    func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func clamp(_ offset: Int) -> Int { min(max(offset, 0), bytes.count) }
}
