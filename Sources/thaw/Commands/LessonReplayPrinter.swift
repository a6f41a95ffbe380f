import Foundation
import ThawLab
import enum ThawLang.ControlCharacters
import ThawLessons

/// Prints a lesson replay as it runs: the prose's headings, each command (with its line in
/// the lesson file) and its outputs, reveals, and at the end the checks that failed.
struct LessonReplayPrinter {
    let renderer: TerminalRenderer

    /// Parses and replays; returns whether every check held, and the transcript (nil when
    /// the lesson did not parse).
    func replay(_ text: String, fileName: String, seed: UInt64?) -> (passed: Bool, transcript: Transcript?) {
        let lesson: Lesson
        do { lesson = try Lesson.parse(text, fileName: fileName) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return (false, nil)
        }
        print("\(lesson.title) (\(fileName)\(seed.map { ", seed \($0)" } ?? ""))")
        let runner = LessonRunner(lesson, seed: seed)
        runner.session.showProgress = isatty(2) != 0
        runner.onEvent = { print(event: $0) }
        let result = runner.replay()
        print("")
        if result.passed {
            print("✓ \(fileName): \(result.checks.count) check\(result.checks.count == 1 ? "" : "s") held")
        } else {
            let failedChecks = result.checks.filter { !$0.passed }.count
            print("✗ \(fileName): \(failedChecks) of \(result.checks.count) checks failed" + (result.stopped ? "; the replay stopped at an error" : ""))
            for failure in result.failures { print("\(failure)") }
        }
        return (result.passed, runner.session.transcript)
    }

    private func print(event: ReplayEvent) {
        switch event {
        case let .prose(text):
            // Headings only: the prose is for reading in the shell or on the page.
            for line in text.split(separator: "\n") where line.hasPrefix("#") { print("\n" + line) }
        case let .command(run):
            print(renderer.render(.preformatted("\(run.unit.line)> \(ControlCharacters.visible(run.unit.command))")))
            let out = renderer.render(run.entry.outputs)
            if !out.isEmpty { print(out) }
        case let .prediction(prediction):
            print(renderer.render(.text("predict \(prediction.id): \(prediction.question) (no learner to ask in a replay)")))
        case let .reveal(outcome):
            print("reveal \(outcome.prediction.id):")
            print(renderer.render(outcome.outputs))
        case let .exercise(exercise):
            print("exercise \(exercise.id): the reference solution, then the check")
        }
        fflush(nil)  // all streams: show each command as it finishes
    }

    private func print(_ text: String) { Swift.print(text) }
}
