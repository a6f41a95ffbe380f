import ThawLab

/// An answer to an exercise, checked: whether every `expect` of the check held, the check's
/// outputs (with the numbers), and the hint that applies to the state the answer left.
public struct ExerciseResult: Sendable, Equatable {
    public var lessonID: String
    public var exerciseID: String
    /// True when the check ran without error and every `expect` in it held.
    public var passed: Bool
    /// What the check block printed: its `expect` results and any error.
    public var checkOutputs: [Output]
    /// What the answer's commands printed, one run per command.
    public var answerRuns: [CommandRun]
    /// The first hint whose condition holds after the answer (only when it failed).
    public var hint: Hint?
    /// Failures while replaying the lesson up to the exercise: a broken lesson, not the
    /// learner's doing (grading reports them so nobody is marked down silently).
    public var setupFailures: [ReplayFailure]

    /// The `expect` results of the check.
    public var checks: [CheckResult] {
        checkOutputs.compactMap { if case let .check(c) = $0 { c } else { nil } }
    }

    /// A plain-text account for reports: each check with its numbers, then the hint.
    public var report: String {
        var lines: [String] = setupFailures.map { "the lesson failed before this exercise: \($0)" }
        // The answer's own errors (a typo, a refused path): every line runs regardless, so
        // without these the student would see only the check that then failed.
        for run in answerRuns {
            for case let .error(text) in run.entry.outputs { lines.append("answer line \(run.unit.line): \(text)") }
        }
        for output in checkOutputs {
            switch output {
            case let .check(c):
                lines.append((c.passed ? "✓ " : "✗ ") + "expect " + c.claim
                             + (c.values.isEmpty ? "" : "  (" + c.values.joined(separator: ", ") + ")"))
            case let .error(text): lines.append("error: " + text)
            default: continue
            }
        }
        if let hint { lines.append("hint: " + hint.text) }
        return lines.joined(separator: "\n")
    }
}
