import ThawLab
import ThawLang

/// `check`, `hint` and `predict`, and keeping the learner's answer.
extension LessonGuide {
    /// `check`: saves the answer typed so far, runs the exercise's check on the live state,
    /// and says pass or fail with the numbers (and, on fail, the hint that applies).
    func check() -> [Output] {
        guard let lesson, let exercise = currentExercise else {
            return [.note("there is no exercise in front of you: `check` checks an exercise's answer")]
        }
        saveAnswer(lesson: lesson, exercise: exercise)
        // Not recorded as cells: the `check` cell itself carries the results.
        let outputs = exercise.check.units.flatMap { session.evaluate($0.source) }
        guard LessonRunner.passes(outputs) else {
            let checks = outputs.compactMap { if case let .check(c) = $0 { c } else { nil } }
            var verdict: [Output] = [.note("not yet: \(checks.filter(\.passed).count) of \(checks.count) checks hold")]
            if let hint = LessonRunner.applicableHint(exercise, in: session) { verdict.append(.note("hint: \(hint.text)")) }
            return outputs + verdict
        }
        if !progress[lesson: lesson.id].solved.contains(exercise.id) { progress[lesson: lesson.id].solved.append(exercise.id) }
        advance()
        return outputs + [.note("✓ solved: `\(exercise.id)`")]
    }

    /// `hint`: the first hint whose condition holds now.
    func hint() -> [Output] {
        guard let exercise = currentExercise else {
            return [.note("hints are for exercises, and there is none in front of you")]
        }
        guard let hint = LessonRunner.applicableHint(exercise, in: session) else {
            return [.note("no hint fits where you are; `check` says which checks do not hold yet")]
        }
        return [.note("hint: \(hint.text)")]
    }

    /// `predict LABEL`: records the prediction and moves on to what follows.
    func predict(_ label: String) -> [Output] {
        guard let lesson, position < lesson.steps.count, case let .predict(prediction) = lesson.steps[position] else {
            return [.note("there is nothing to predict right now")]
        }
        guard let choice = prediction.choice(label) else {
            return [.error("`\(label)` is not a choice here: \(labels(prediction))")]
        }
        progress[lesson: lesson.id].predictions[prediction.id] = choice.label
        // Also beside the answers, for an instructor who collects answer folders.
        let store = AnswerStore(folder: ThawHome.answers(in: home))
        do { try store.savePrediction(choice.label, for: prediction.id, lesson: lesson.id) } catch {
            show(.note("could not save your prediction beside your answers: \(error)"))
        }
        advance()
        return [.note("you predicted `\(choice.label)`: \(choice.text)")]
    }

    /// The statements of a line other than lesson commands, as written (comments left out).
    static func learnerStatements(_ script: Script) -> [String] {
        script.statements.filter { !commands.contains($0.command.name) }.map { script.source.text(in: $0.range) }
    }

    /// True when every command of `block` was typed by the learner since it was shown
    /// (compared statement by statement, blanks normalised).
    func typedByLearner(_ block: CodeBlock) -> Bool {
        let typed = Set(typedSinceShown.map(Self.normalised))
        let wanted = block.units.flatMap { Self.learnerStatements(Script($0.command)) }.map(Self.normalised)
        return !wanted.isEmpty && wanted.allSatisfy(typed.contains)
    }

    static func normalised(_ statement: String) -> String {
        statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Writes the answer to `answers/LESSON/EXERCISE.thaw`, for `thaw check` and `thaw grade`.
    func saveAnswer(lesson: Lesson, exercise: Exercise) {
        let store = AnswerStore(folder: ThawHome.answers(in: home))
        do { try store.save((answerLines + [pendingAnswer].compactMap { $0 }).joined(separator: "\n"), lesson: lesson.id, exercise: exercise.id) } catch {
            show(.note("could not save your answer to \(store.file(lesson: lesson.id, exercise: exercise.id).path): \(error)"))
        }
    }
}
