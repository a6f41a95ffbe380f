import Foundation
import ThawData

/// A folder of a learner's answers: `LESSON-ID/EXERCISE-ID.thaw`, commands one a line.
///
/// The shell writes here when the learner runs `check`; `thaw check` and `thaw grade` read.
public struct AnswerStore: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    public func file(lesson: String, exercise: String) -> URL {
        folder.appendingPathComponent(lesson, isDirectory: true).appendingPathComponent("\(exercise).thaw")
    }

    /// The saved answer, or nil when there is none.
    public func answer(lesson: String, exercise: String) -> String? {
        try? String(contentsOf: file(lesson: lesson, exercise: exercise), encoding: .utf8)
    }

    public func save(_ answer: String, lesson: String, exercise: String) throws {
        let url = file(lesson: lesson, exercise: exercise)
        let text = answer.hasSuffix("\n") || answer.isEmpty ? answer : answer + "\n"
        try SafeWrite.write(text, to: url)
    }
}
