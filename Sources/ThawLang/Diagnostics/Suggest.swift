/// "Did you mean …?": the closest of some candidates to a misspelt word.
///
/// ThawLab uses it too, for names that only exist at run time (`nte` → `net`).
public enum Suggest {
    /// The candidate nearest to `word` by edit distance, if one is near enough: at most one
    /// edit for short words, about one in three for longer ones. A swap of two neighbouring
    /// letters counts as one edit (`frezee` → `freeze`), case is ignored (`Train` → `train`),
    /// and a word that starts a candidate (`epo` → `epochs`) counts as close. Ties go to
    /// the earlier candidate, so callers list the likelier ones first.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty, typed.count <= 64 else { return nil }
        let limit = max(1, typed.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let target = Array(candidate.lowercased())
            var distance = editDistance(typed, target, limit: limit)
            if typed.count >= 3, target.starts(with: typed) { distance = min(distance, 1) }
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), with
    /// an early exit: anything above `limit` is reported as `limit + 1`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
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
}
