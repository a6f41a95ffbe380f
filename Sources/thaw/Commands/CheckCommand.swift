import ArgumentParser
import Foundation
import ThawLessons

/// `thaw check`: runs the answers the shell saved for every exercise, and says which pass.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check your saved answers to the lessons' exercises.",
        discussion: """
            Each answer (ANSWERS/LESSON-ID/EXERCISE-ID.thaw, saved by `check` in the shell) runs \
            after a replay of its lesson up to the exercise; the exercise's check decides. \
            Exits with 1 when an answer fails.
            """)

    @Option(help: "The folder of answers (default: $THAW_HOME/answers, or ~/.thaw/answers).")
    var answers: String?

    @Argument(help: "Only these lessons (number, id or name).")
    var lessons: [String] = []

    func run() throws {
        let folder = answers.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ThawHome.answers()
        let catalog = LessonCatalog.located()
        reportBrokenLessons(catalog)
        var grader = Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: lessons)
        grader.willGrade = { lesson, exercise in status("checking \(lesson.id)/\(exercise.id)…") }
        let report: GradeReport
        do { report = try grader.grade(skipMissing: true) } catch {
            FileHandle.standardError.write(Data("thaw: \(error)\n".utf8))
            throw ExitCode(64)
        }
        guard !report.exercises.isEmpty else {
            print("no answers yet in \(folder.path): the shell saves one each time you `check` an exercise")
            return
        }
        for graded in report.exercises {
            print("\(graded.passed ? "✓" : "✗") \(graded.name)")
            if !graded.passed { for line in graded.output.split(separator: "\n") { print("    " + line) } }
        }
        print("\(report.score) of \(report.maxScore) answers pass")
        if !report.allPassed { throw ExitCode(1) }
    }
}

/// Says on stderr which lesson files could not be read (their exercises are not graded).
func reportBrokenLessons(_ catalog: LessonCatalog) {
    for error in catalog.errors {
        FileHandle.standardError.write(Data("thaw: this lesson is left out:\n\(error)\n".utf8))
    }
}

/// A transient progress line on a terminal's stderr; nothing when stderr is not a terminal.
func status(_ text: String) {
    guard isatty(2) != 0 else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
}
