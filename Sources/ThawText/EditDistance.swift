/// How many edits turn one string into another: the optimal string alignment distance
/// (insertions, deletions, substitutions, and swaps of two neighbouring characters, so
/// `frezee` is one edit from `freeze`). "Did you mean" in the language and the layer-path
/// suggestions of the engine both measure closeness with it.
public enum EditDistance {
    /// The distance between `a` and `b`. With `limit`, the work stops early and anything
    /// above it comes back as `limit + 1` (enough to rank near candidates cheaply).
    public static func between(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var rowBest = row[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
                rowBest = min(rowBest, row[j])
            }
            if rowBest > limit { return limit + 1 }
            (beforePrevious, previous, row) = (previous, row, beforePrevious)
        }
        return previous[b.count]
    }

    public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
        between(Array(a), Array(b), limit: limit)
    }
}
