/// Word wrapping for the terminal: lines broken at spaces so that no piece is wider than the
/// width in cells. A word wider than the width is cut between two characters (never inside
/// one: the pieces are whole `Character`s, so a multi-byte character is never split).
public enum TextWrap {
    /// Where to break one line of `characters` (it holds no newline): the first piece takes
    /// at most `first` cells, the others at most `rest`. Spaces at a break are dropped. The
    /// ranges index `characters`; an empty line gives one empty range.
    public static func breaks(_ characters: [Character], first: Int, rest: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        let count = characters.count
        while start < count {
            let width = max(1, pieces.isEmpty ? first : rest)
            var used = 0, end = start, lastSpace: Int?, lastJoint: Int?, sawWord = false
            while end < count {
                let cells = DisplayWidth.of(characters[end])
                if used + cells > width { break }
                if characters[end] == " " { if sawWord { lastSpace = end } } else { sawWord = true }
                if Self.joints.contains(characters[end]) { lastJoint = end + 1 }
                used += cells
                end += 1
            }
            var cut = end, next = end
            if end < count, characters[end] != " " {
                if let space = lastSpace {
                    cut = space; next = space
                } else {
                    // A word longer than the line: after its last `.`, `/`, `_` or `-` if
                    // one fits (`net.blocks.0.` | `weight`), else between two characters.
                    cut = lastJoint.map { $0 < end ? $0 : end } ?? max(end, start + 1)
                    next = cut
                }
            }
            while cut > start, characters[cut - 1] == " " { cut -= 1 }
            pieces.append(start..<cut)
            while next < count, characters[next] == " " { next += 1 }
            start = next
        }
        return pieces.isEmpty ? [0..<0] : pieces
    }

    /// Where a word too long for a line may be broken after: the joints of paths and names.
    public static let joints: Set<Character> = [".", "/", "_", "-"]
}
