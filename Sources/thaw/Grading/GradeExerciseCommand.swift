import ArgumentParser
import Foundation
import ThawLab
import ThawLessons

/// `thaw grade-exercise` (hidden): the child process of `thaw grade`'s sandbox. It applies
/// the budgets to itself, reads one answer on stdin, runs it confined to the scratch folder,
/// and prints the outcome as JSON on stdout: the only thing it ever prints there.
struct GradeExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-exercise",
        abstract: "Run one answer for `thaw grade` (internal).",
        shouldDisplay: false)

    @Option var lesson: String
    @Option var exercise: String
    @Option var scratch: String
    @Option var cpuSeconds: Int = SandboxLimits.defaultCPUSeconds
    @Option var memoryMb: Int = SandboxLimits.defaultMemoryMB

    func run() throws {
        SandboxLimits(cpuSeconds: cpuSeconds, memoryMB: memoryMb).apply()
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard input.count <= AnswerStore.sizeLimit, let answer = String(data: input, encoding: .utf8) else {
            throw ExitCode(65)  // the parent checked both; this is a defence, not a message
        }
        // Test hook: Thaw's own answers no longer crash it, so the test that proves one
        // crashing exercise cannot sink the report needs a way to crash on purpose. Only the
        // grader's environment (never a student) can set it.
        if let marker = ProcessInfo.processInfo.environment["THAW_GRADER_TEST_CRASH_MARKER"], !marker.isEmpty,
           answer.contains(marker) {
            fatalError("crash requested by THAW_GRADER_TEST_CRASH_MARKER")
        }
        guard FileManager.default.changeCurrentDirectoryPath(scratch) else { throw ExitCode(66) }
        let catalog = LessonCatalog.located()
        guard let lesson = catalog.lesson(self.lesson) else { throw ExitCode(66) }
        let session = Session(title: lesson.title)
        session.fileAccess = .confined(to: URL(fileURLWithPath: scratch, isDirectory: true))
        let outcome: AttemptOutcome
        if let result = LessonRunner(lesson, session: session).attempt(exercise: exercise, answer: answer) {
            outcome = AttemptOutcome(passed: result.passed, report: result.report)
        } else {
            outcome = AttemptOutcome(passed: false, report: "the lesson has no exercise `\(exercise)`")
        }
        let data = try JSONEncoder().encode(outcome)
        guard StandardOutput.write(String(decoding: data, as: UTF8.self) + "\n") else { throw ExitCode(74) }
    }
}
