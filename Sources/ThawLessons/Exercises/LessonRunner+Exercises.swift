import ThawLab

extension LessonRunner {
    /// Replays the lesson up to exercise `id`, runs `answer` in place of the starter, then
    /// the exercise's check. The answer may be the starter, the solution, or a learner's file.
    ///
    /// Returns nil when the lesson has no such exercise.
    public func attempt(exercise id: String, answer: String) -> ExerciseResult? {
        guard let index = lesson.stepIndex(ofExercise: id), let exercise = lesson.exercise(id) else { return nil }
        runSteps(upTo: index)
        let setupFailures = result.failures
        onEvent?(.exercise(exercise))
        let answerRuns = runAnswer(answer)
        let checkOutputs = check(exercise)
        let passed = Self.passes(checkOutputs)
        return ExerciseResult(lessonID: lesson.id, exerciseID: id, passed: passed, checkOutputs: checkOutputs,
                              answerRuns: answerRuns, hint: passed ? nil : Self.applicableHint(exercise, in: session),
                              setupFailures: setupFailures)
    }

    /// Runs the exercise's check block one command at a time, recorded in the transcript;
    /// returns everything it printed.
    public func check(_ exercise: Exercise) -> [Output] {
        exercise.check.units.flatMap { unit in
            let run = CommandRun(unit: unit, role: .check, entry: session.run(unit.source))
            onEvent?(.command(run))
            return run.entry.outputs
        }
    }

    /// Solved: the check printed no error, at least one `expect`, and every `expect` held.
    public static func passes(_ checkOutputs: [Output]) -> Bool {
        var sawCheck = false
        for output in checkOutputs {
            switch output {
            case .error: return false
            case let .check(c): if !c.passed { return false }; sawCheck = true
            default: continue
            }
        }
        return sawCheck
    }

    /// The first hint, in file order, whose `when` holds in `session` (a hint without one
    /// always holds). A condition that cannot be evaluated does not hold.
    public static func applicableHint(_ exercise: Exercise, in session: Session) -> Hint? {
        exercise.hints.first { hint in
            guard let when = hint.when else { return true }
            return session.condition(when) == true
        }
    }
}
