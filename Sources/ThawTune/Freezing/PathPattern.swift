/// A layer path with optional wildcards, matched segment by segment against dotted paths:
/// `blocks.*.attn` matches `blocks.0.attn` and `blocks.1.attn`; `**` matches any number of
/// segments (`**.bias` is every bias). A pattern also covers everything below what it
/// matches: `blocks.0` covers `blocks.0.attn.q.weight`.
public struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    let segments: [Substring]

    public init(_ text: String) {
        self.text = text
        segments = text.split(separator: ".", omittingEmptySubsequences: false)
    }

    public var description: String { text }

    /// Whether `path` is matched by the pattern or lies below something it matches.
    public func covers(_ path: String) -> Bool {
        if text.isEmpty { return true }
        return Self.matchPrefix(segments[...], path.split(separator: ".", omittingEmptySubsequences: false)[...])
    }

    /// True when the pattern matches a prefix (whole segments) of `path`.
    private static func matchPrefix(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return true }  // pattern used up: path is below it
        if head == "**" {
            let rest = pattern.dropFirst()
            return (0...path.count).contains { matchPrefix(rest, path.dropFirst($0)) }
        }
        guard let first = path.first, segmentMatches(head, first) else { return false }
        return matchPrefix(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` alone matches any one segment; inside a segment it matches any run of characters
    /// (`fc*` matches `fc1` and `fc2`).
    private static func segmentMatches(_ pattern: Substring, _ segment: Substring) -> Bool {
        guard pattern.contains("*") else { return pattern == segment }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = segment[...]
        for (i, part) in parts.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if i == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let r = rest.range(of: part) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}
