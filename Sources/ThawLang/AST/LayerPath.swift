/// A dotted address into a model: `net.0`, `net.head`, `gpt.blocks.*.attn.q`.
///
/// The first segment names a model in the workspace; later segments are child names or
/// indices as ``show`` lists them. A segment may hold `*`, which matches any run of
/// characters inside one segment, so `net.blocks.*.attn` means every block's attention.
public struct LayerPath: Sendable, Hashable, CustomStringConvertible {
    public var segments: [String]

    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// Splits `"net.blocks.0"` at its dots.
    public init(parsing text: String) {
        self.segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The model the path starts at.
    public var root: String { segments.first ?? "" }

    public var isGlob: Bool { segments.contains { $0.contains("*") } }

    public var description: String { segments.joined(separator: ".") }

    /// True when `path` (a concrete path such as `net.blocks.2.attn`) is addressed by this
    /// one: same number of segments, each matching, `*` standing for any text.
    public func matches(_ path: String) -> Bool {
        let other = path.split(separator: ".", omittingEmptySubsequences: false)
        guard other.count == segments.count else { return false }
        return zip(segments, other).allSatisfy { LayerPath.glob($0, matches: Substring($1)) }
    }

    /// True when this path is `path` or one of its ancestors, for example `net.0` covers
    /// `net.0.weight`. Globs are matched segment by segment.
    public func covers(_ path: String) -> Bool {
        let other = path.split(separator: ".", omittingEmptySubsequences: false)
        guard other.count >= segments.count else { return false }
        return zip(segments, other).allSatisfy { LayerPath.glob($0, matches: Substring($1)) }
    }

    /// Matches one segment against a pattern where `*` is any (possibly empty) run of
    /// characters. Iterative with backtracking to the last star: linear for patterns with
    /// one star, and never recursive however the pattern looks.
    static func glob(_ pattern: String, matches text: Substring) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0
        var star = -1, resume = 0
        while ti < t.count {
            if pi < p.count, p[pi] != "*", p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; resume = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; resume += 1; ti = resume
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
