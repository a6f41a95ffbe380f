import Foundation
import ThawLab

/// Runs a lesson non-interactively in a session: prose goes to the transcript as Markdown,
/// commands run one line at a time (each a transcript cell), exercises run their solution
/// and then their check, reveals evaluate their prediction's choices.
///
/// ```swift
/// let result = LessonRunner(lesson, seed: 3).replay()
/// if !result.passed { print(result.failures) }
/// ```
///
/// The replay stops at the first command that fails with an error (what follows would only
/// repeat it); a failed `expect` is recorded and the replay goes on, so every failing claim
/// is listed at once.
public final class LessonRunner {
    /// The lesson as it runs (with the seed substituted, when one was given).
    public let lesson: Lesson
    public let session: Session
    /// Called for every step as it runs (`thaw run` prints from here).
    public var onEvent: ((ReplayEvent) -> Void)?
    /// Accumulated over everything run so far.
    public private(set) var result = ReplayResult()
    /// A `seed N` to run first, for a lesson without a seed line of its own.
    private var pendingSeed: UInt64?

    /// `seed` replaces the value of the lesson's first `seed` line (or is set before
    /// anything runs, when the lesson has none).
    public init(_ lesson: Lesson, seed: UInt64? = nil, session: Session? = nil) {
        if let seed {
            let (seeded, replaced) = lesson.withSeed(seed)
            self.lesson = seeded
            pendingSeed = replaced ? nil : seed
        } else {
            self.lesson = lesson
        }
        if let session {
            self.session = session
        } else {
            // A fresh session writes the lesson's files (`save`, checkpoints) in a folder of its own.
            self.session = Session(title: lesson.title)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-replay-\(UUID().uuidString)")
            self.session.fileAccess = .relativeTo(folder.path)
            scratch = folder
        }
    }

    /// The folder a fresh session's relative file names go to, removed with the runner.
    private var scratch: URL?

    deinit {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Runs every step; returns what held and what failed.
    @discardableResult
    public func replay() -> ReplayResult {
        runSteps(upTo: lesson.steps.count)
        return result
    }

    /// Runs steps `0..<end` (stopping early after an error).
    public func runSteps(upTo end: Int) {
        if let seed = pendingSeed {
            _ = session.evaluate("seed \(seed)")
            pendingSeed = nil
        }
        for step in lesson.steps.prefix(end) {
            if result.stopped { return }
            run(step)
        }
    }

    /// Runs one step as a replay does.
    public func run(_ step: Step) {
        switch step {
        case let .prose(text):
            session.appendMarkdown(text)
            onEvent?(.prose(text))
        case let .commands(block):
            run(block, role: .lesson)
        case let .predict(prediction):
            session.appendMarkdown(prediction.markdown)
            onEvent?(.prediction(prediction))
        case let .reveal(id, line):
            guard let prediction = lesson.prediction(id) else { return }
            let outcome = RevealOutcome(prediction, in: session)
            session.appendMarkdown(outcome.markdown)
            onEvent?(.reveal(outcome))
            if let problem = outcome.problem {
                result.failures.append(ReplayFailure(file: lesson.fileName, line: line, source: "thaw reveal id=\(id)", message: problem))
            }
        case let .exercise(exercise):
            session.appendMarkdown("**Exercise `\(exercise.id)`**: the reference solution, then the check.")
            onEvent?(.exercise(exercise))
            run(exercise.solution, role: .solution)
            if !result.stopped { run(exercise.check, role: .check) }
        }
    }

    /// Runs a block one command at a time; records checks and failures.
    /// Commands that print nothing are then joined to the next command's transcript cell.
    public func run(_ block: CodeBlock, role: CommandRun.Role) {
        let start = session.transcript.cells.count
        defer { session.transcript.groupSilentCommands(from: start) }
        for unit in block.units {
            let entry = session.run(unit.source)
            record(CommandRun(unit: unit, role: role, entry: entry))
            if result.stopped { return }
        }
    }

    /// Runs a learner's answer (any text, one command a line): every line runs, errors or
    /// not, as it would have in the shell; only the check decides.
    public func runAnswer(_ text: String) -> [CommandRun] {
        CodeBlock(text, line: 1).units.map { unit in
            let run = CommandRun(unit: unit, role: .answer, entry: session.run(unit.source))
            onEvent?(.command(run))
            return run
        }
    }

    private func record(_ run: CommandRun) {
        onEvent?(.command(run))
        for case let .check(check) in run.entry.outputs { result.checks.append(check) }
        guard let message = failureMessage(run.entry.outputs) else { return }
        result.failures.append(ReplayFailure(file: lesson.fileName, line: run.unit.line, source: run.unit.command, message: message))
        if run.entry.outputs.contains(where: { if case .error = $0 { true } else { false } }) {
            result.stopped = true
        }
    }
}
