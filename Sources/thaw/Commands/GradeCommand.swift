import ArgumentParser
import Foundation
import ThawLessons

/// `thaw grade DIR`: grades a folder of answers for a course: Gradescope, JUnit or text.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a folder of answers (LESSON-ID/EXERCISE-ID.thaw) against the lessons.",
        discussion: """
            Every exercise of the chosen lessons is one point; a missing answer scores 0. \
            Gradescope: write results.json with --output /autograder/results/results.json. \
            Exits with 0 when the report was written, whatever the score.
            """)

    @Argument(help: "The folder of answers.")
    var directory: String

    @Option(help: "gradescope (results.json), junit (XML) or text.")
    var format: GradeReport.Format = .text

    @Option(help: "Write the report here instead of to standard output.")
    var output: String?

    @Option(name: .customLong("lesson"), help: "Grade only this lesson (number, id or name); repeatable.")
    var lessons: [String] = []

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandle.standardError.write(Data("thaw: \(directory) is not a folder\n".utf8))
            throw ExitCode(64)
        }
        let catalog = LessonCatalog.located()
        reportBrokenLessons(catalog)
        var grader = Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: lessons)
        grader.willGrade = { lesson, exercise in status("grading \(lesson.id)/\(exercise.id)…") }
        let report: GradeReport
        do { report = try grader.grade() } catch {
            FileHandle.standardError.write(Data("thaw: \(error)\n".utf8))
            throw ExitCode(64)
        }
        status("")
        let text = report.rendered(as: format)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            let url = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("thaw: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(73)
        }
    }
}

extension GradeReport.Format: ExpressibleByArgument {}
