import Foundation
import ThawData

/// A learner's predictions, kept beside their answers (`LESSON-ID/predictions.txt`, one
/// `PREDICTION-ID LABEL` a line) so that an instructor who collects answer folders sees how
/// the class predicted (`thaw grade --class`). The shell writes it on every `predict`.
extension AnswerStore {
    public static let predictionsFile = "predictions.txt"
    /// Far more than any lesson's questions; a stranger's file is read no further.
    public static let predictionsSizeLimit = 8 << 10

    public func predictions(lesson: String) -> [String: String] {
        let url = folder.appendingPathComponent(lesson, isDirectory: true).appendingPathComponent(Self.predictionsFile)
        guard FileKind.of(url.deletingLastPathComponent().path) == .directory, FileKind.of(url.path) == .regular,
              let bytes = try? SafeRead.bytes(of: url.path, limit: Self.predictionsSizeLimit),
              let text = String(validating: bytes, as: UTF8.self) else { return [:] }
        var found: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count == 2 { found[String(words[0])] = String(words[1]) }
        }
        return found
    }

    public func savePrediction(_ label: String, for prediction: String, lesson: String) throws {
        var all = predictions(lesson: lesson)
        all[prediction] = label
        let text = all.keys.sorted().map { "\($0) \(all[$0]!)\n" }.joined()
        try SafeWrite.write(text, to: folder.appendingPathComponent(lesson, isDirectory: true).appendingPathComponent(Self.predictionsFile))
    }
}
