import Foundation
import ThawData

/// A learner's progress through the lessons, saved as `$THAW_HOME/progress.json`.
///
/// ```json
/// { "version": 1, "current": "freezing",
///   "lessons": { "freezing": { "step": 4, "done": false,
///                              "solved": ["freeze-head"], "predictions": { "head-only": "a" } } } }
/// ```
///
/// Keys are lesson ids (from the front matter), so renumbering files keeps progress.
public struct CourseProgress: Codable, Sendable, Equatable {
    public struct LessonProgress: Codable, Sendable, Equatable {
        /// Index in the lesson's steps of the block in front of the learner.
        public var step: Int = 0
        /// True once the learner reached the end.
        public var done: Bool = false
        /// Exercises whose check passed.
        public var solved: [String] = []
        /// Prediction id → the label the learner chose.
        public var predictions: [String: String] = [:]

        public init(step: Int = 0, done: Bool = false, solved: [String] = [], predictions: [String: String] = [:]) {
            self.step = step
            self.done = done
            self.solved = solved
            self.predictions = predictions
        }
    }

    public var version = 1
    /// The lesson open last.
    public var current: String?
    public var lessons: [String: LessonProgress] = [:]

    public init(current: String? = nil, lessons: [String: LessonProgress] = [:]) {
        self.current = current
        self.lessons = lessons
    }

    /// `progress.json` in a home folder.
    public static func file(in home: URL) -> URL { home.appendingPathComponent("progress.json") }

    /// Reads the progress saved in `home`; empty when there is none or it cannot be read
    /// (a damaged file must not lock a learner out of the lessons).
    public static func load(from home: URL) -> CourseProgress {
        guard let data = try? Data(contentsOf: file(in: home)),
              let progress = try? JSONDecoder().decode(CourseProgress.self, from: data) else { return CourseProgress() }
        return progress
    }

    /// Writes the progress to `home`, creating the folder; atomically, so an interrupted
    /// write leaves the previous file.
    public func save(to home: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SafeWrite.write(encoder.encode(self), to: Self.file(in: home))
    }

    /// The progress of one lesson (empty when it was never opened).
    public subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }
}
