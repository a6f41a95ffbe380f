import ThawLang

/// Bounds that keep a typo from freezing the session: Thaw's models are small by design,
/// and a number with too many zeros should get a message, not an hour of training or an
/// allocation that fails.
enum Limits {
    static let layerWidth = 4096
    static let transformerWidth = 1024
    static let layers = 24
    static let context = 512
    static let classes = 10_000
    static let stepsPerRun = 200_000
    static let epochsPerRun = 10_000

    /// Throws unless `value` is in 1…`limit`.
    static func check(_ value: Int?, _ limit: Int, _ what: String, at range: SourceRange?) throws {
        guard let value else { return }
        guard value >= 1 else { throw LabError("\(what) must be at least 1", at: range) }
        guard value <= limit else { throw LabError("\(what) of \(value) is more than Thaw allows (\(limit)): its models are small so experiments take seconds", at: range) }
    }
}
