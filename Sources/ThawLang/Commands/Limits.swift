/// Bounds that keep a typo from freezing the session: Thaw's models are small by design,
/// and a number with too many zeros should get a message before anything runs, not an hour
/// of training or an allocation that fails. Declarations use them as `in: .atMost(…)`.
public enum Limits {
    public static let layerWidth = 4096
    public static let channels = 512
    public static let transformerWidth = 1024
    public static let layers = 24
    public static let heads = 64
    public static let context = 512
    public static let classes = 10_000
    public static let batch = 1_000_000
    public static let stepsPerRun = 200_000
    public static let epochsPerRun = 10_000
    /// The most steps one `lrfind` sweep may take.
    public static let finderSteps = 10_000
    public static let rehearsal = 1_000_000
    /// Trials one `search` may run.
    public static let searchTrials = 100
    public static let rank = 1024
    public static let promptTokens = 256
    public static let samples = 200
    public static let sampleLength = 512
    public static let bits = 16
    /// The most `budget memory` may allow: 16 GiB of the machine's 24.
    public static let memoryMiB = 16_384
    /// The most `budget minutes` may allow: a day.
    public static let runMinutes = 1_440
}
