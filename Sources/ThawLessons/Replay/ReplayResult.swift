import ThawLab

/// What a replay reports as it goes, so that `thaw run` can print while training runs.
public enum ReplayEvent: Sendable {
    /// Prose between blocks (Markdown).
    case prose(String)
    /// One command ran. `role` says which kind of block it came from.
    case command(CommandRun)
    /// A prediction question (nobody answers it in a replay).
    case prediction(Prediction)
    /// A prediction's reveal: which choices held.
    case reveal(RevealOutcome)
    /// An exercise begins: its solution (or a given answer) runs next, then its check.
    case exercise(Exercise)
}

/// One command of a lesson as it ran.
public struct CommandRun: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable {
        case lesson, solution, answer, check
    }
    public var unit: CommandUnit
    public var role: Role
    public var entry: TranscriptEntry
}

/// A claim of the lesson that did not hold, or a command that failed, with where it is.
public struct ReplayFailure: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The command (or `thaw reveal id=…`).
    public var source: String
    /// What went wrong, with the numbers.
    public var message: String

    public init(file: String, line: Int, source: String, message: String) {
        self.file = file
        self.line = line
        self.source = source
        self.message = message
    }

    public var description: String { "\(file):\(line): \(source): \(message)" }
}

/// The outcome of replaying a lesson: every `expect` that ran, and what failed.
public struct ReplayResult: Sendable, Equatable {
    /// Every check that ran, in order.
    public var checks: [CheckResult] = []
    public var failures: [ReplayFailure] = []
    /// True when a command failed and the replay stopped there (later steps would only
    /// repeat the error).
    public var stopped = false
    /// True when every check held and nothing failed.
    public var passed: Bool { failures.isEmpty }

    public init() {}
}

/// Turns a failed command's outputs into one message line for a report.
func failureMessage(_ outputs: [Output]) -> String? {
    for output in outputs {
        switch output {
        case let .error(text): return text
        case let .check(c) where !c.passed: return c.message ?? "expected \(c.claim), but it does not hold"
        default: continue
        }
    }
    return nil
}
