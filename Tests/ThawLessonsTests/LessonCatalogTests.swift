import Foundation
import Testing
import ThawLessons

/// Every lesson in the repository's `Lessons/` folder, whatever it holds: each replays with
/// all its checks holding, over seeds 1–5 too, and each exercise's starter fails its check
/// while its solution passes. A new lesson file is covered by being there.
@Suite("Every lesson in Lessons/")
struct LessonCatalogTests {
    /// <package>/Lessons, from this file's place in <package>/Tests/ThawLessonsTests/.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons", isDirectory: true)

    /// The lesson file names (none while the folder is empty or missing).
    static let files: [String] = LessonsFolder.lessonFiles(in: folder).map(\.lastPathComponent)

    static func lesson(_ file: String) throws -> Lesson {
        try Lesson.load(folder.appendingPathComponent(file))
    }

    /// One exercise of one lesson, named for the test report.
    struct ExerciseCase: Sendable, CustomTestStringConvertible {
        var file: String
        var exercise: String
        var testDescription: String { "\(file) / \(exercise)" }
    }

    static let exercises: [ExerciseCase] = files.flatMap { file in
        ((try? lesson(file))?.exercises ?? []).map { ExerciseCase(file: file, exercise: $0.id) }
    }

    @Test(arguments: files)
    func parsesAndReplaysWithEveryCheckHolding(file: String) throws {
        let lesson = try Self.lesson(file)
        #expect(lesson.fileName == file)
        let result = LessonRunner(lesson).replay()
        #expect(result.passed, "\(result.failures.map(\.description).joined(separator: "\n"))")
        #expect(!result.checks.isEmpty, "\(file) checks nothing: a lesson needs `expect` lines")
    }

    @Test(arguments: exercises)
    func starterFailsAndSolutionPasses(_ item: ExerciseCase) throws {
        let lesson = try Self.lesson(item.file)
        let exercise = try #require(lesson.exercise(item.exercise))
        let starter = try #require(LessonRunner(lesson).attempt(exercise: exercise.id, answer: exercise.starter.text))
        #expect(starter.setupFailures.isEmpty, "\(starter.setupFailures)")
        #expect(!starter.passed, "the starter of \(item.testDescription) already passes its check:\n\(starter.report)")
        let solution = try #require(LessonRunner(lesson).attempt(exercise: exercise.id, answer: exercise.solution.text))
        #expect(solution.passed, "the solution of \(item.testDescription) fails its check:\n\(solution.report)")
    }

    /// The check rewards the method, not only the outcome: every answer that reaches the goal
    /// another way (a `thaw wrong` block) fails, on the lesson's first seed and another.
    @Test(arguments: exercises)
    func wrongMethodsFail(_ item: ExerciseCase) throws {
        let lesson = try Self.lesson(item.file)
        let exercise = try #require(lesson.exercise(item.exercise))
        #expect(!exercise.wrongMethods.isEmpty)
        for wrong in exercise.wrongMethods {
            for seed: UInt64? in [nil, 4] {
                let result = try #require(LessonRunner(lesson, seed: seed).attempt(exercise: exercise.id, answer: wrong.text))
                #expect(result.setupFailures.isEmpty, "\(result.setupFailures)")
                #expect(!result.passed, "a wrong method passes \(item.testDescription) (seed \(seed.map(String.init) ?? "as written")):\n\(wrong.text)\n\(result.report)")
                // The report names what is missing: the failed `expect` line, with its values,
                // or the name the method would have made and the answer never did (a sweep).
                #expect(result.report.contains("✗ expect") || result.report.contains("there is no `"), "\(result.report)")
            }
        }
    }

    @Test(arguments: files, 1...5)
    func replaysWithSeed(file: String, seed: UInt64) throws {
        let result = LessonRunner(try Self.lesson(file), seed: seed).replay()
        #expect(result.passed, "seed \(seed):\n\(result.failures.map(\.description).joined(separator: "\n"))")
    }
}
