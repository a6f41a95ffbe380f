import ThawText

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
            var distance = EditDistance.between(typed, target, limit: limit)
            if typed.count >= 3, target.starts(with: typed) { distance = min(distance, 1) }
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
