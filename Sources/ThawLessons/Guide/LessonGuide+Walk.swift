import ThawLab

/// Opening a lesson and walking it: prose is shown, then the next block waits for `next`.
extension LessonGuide {
    /// The exercise in front of the learner, if that is where they are.
    public var currentExercise: Exercise? {
        guard let lesson, position < lesson.steps.count, case let .exercise(e) = lesson.steps[position] else { return nil }
        return e
    }

    /// `lessons KEY`: opens a lesson in a fresh workspace, where the learner left it.
    func open(_ key: String) -> [Output] {
        guard let found = catalog.lesson(key) else {
            return [.error("there is no lesson `\(key)`: `lessons` lists them")]
        }
        return open(found)
    }

    public func open(_ found: Lesson) -> [Output] {
        lesson = found
        answerLines = []
        skipArmed = false
        session.reset()
        progress.current = found.id
        var saved = progress[lesson: found.id]
        if saved.done || saved.step >= found.steps.count { saved.step = 0 }
        var outputs: [Output] = [.note("lesson \(found.number.map(String.init) ?? found.slug): \(found.title) (a fresh workspace)")]
        if saved.step > 0 {
            // The workspace must be what the lesson built so far: run its blocks again
            // (reference solutions for the exercises), quietly.
            let runner = LessonRunner(found, session: session)
            runner.runSteps(upTo: saved.step)
            outputs.append(.note("resumed where you left off: the lesson's commands up to here ran again to rebuild the workspace"))
            if let failure = runner.result.failures.first {
                outputs.append(.error("while rebuilding, a step failed: \(failure)"))
            }
        }
        progress[lesson: found.id] = saved
        showFrom(saved.step)
        return outputs
    }

    /// `next`: runs the block in front of the learner (or moves past it), then shows what follows.
    func next() -> [Output] {
        guard let lesson else {
            if let current = progress.current, let saved = catalog.lesson(current) { return open(saved) }
            return [.note("no lesson is open: `lessons` lists them, `lessons 1` opens the first")]
        }
        guard position < lesson.steps.count else {
            return [.note("this lesson is complete: `lessons` to choose another")]
        }
        switch lesson.steps[position] {
        case .prose:
            break
        case let .commands(block):
            if typedByLearner(block) {
                show(.note("you ran these yourself; on we go"))
            } else {
                runShown(block)
            }
        case let .predict(prediction):
            if progress[lesson: lesson.id].predictions[prediction.id] == nil, !skipArmed {
                skipArmed = true
                return [.note("predict first: \(labels(prediction)) (or `next` again to go on without predicting)")]
            }
        case let .reveal(id, _):
            guard let prediction = lesson.prediction(id) else { break }
            let outcome = RevealOutcome(prediction, in: session, predicted: progress[lesson: lesson.id].predictions[id])
            session.appendMarkdown(outcome.markdown)
            show(outcome.outputs)
        case let .exercise(exercise):
            if !progress[lesson: lesson.id].solved.contains(exercise.id) {
                guard skipArmed else {
                    skipArmed = true
                    return [.note("type your answer, then `check` it (or `next` again to skip: the reference solution then runs for you)")]
                }
                show(.note("the reference solution for `\(exercise.id)`:"))
                runShown(exercise.solution)
            }
        }
        advance()
        return []
    }

    /// Moves past the current block and shows what follows.
    func advance() {
        skipArmed = false
        answerLines = []
        showFrom(position + 1)
    }

    /// Shows the prose from step `start` up to the next block, then that block; at the end
    /// of the lesson, marks it done.
    func showFrom(_ start: Int) {
        guard let lesson else { return }
        var index = start
        while index < lesson.steps.count, case let .prose(text) = lesson.steps[index] {
            session.appendMarkdown(text)
            // Blank lines set prose and the waiting block apart from the outputs above them.
            show(.text(""), .markdown(text))
            index += 1
        }
        position = index
        typedSinceShown = []
        progress[lesson: lesson.id].step = index
        if index >= lesson.steps.count {
            progress[lesson: lesson.id].done = true
            show(.note("✓ lesson complete: \(lesson.title). `lessons` shows what is next."))
        } else {
            show(.text(""))
            showBlock(lesson.steps[index])
        }
        saveProgress()
    }

    /// How a block waits for the learner.
    func showBlock(_ step: Step) {
        switch step {
        case .prose:
            break
        case let .commands(block):
            show(.preformatted(indented(block.text)), .note("`next` runs this (or type it yourself)"))
        case let .predict(prediction):
            session.appendMarkdown(prediction.markdown)
            // Markdown, so that a long question or choice wraps at a word with a hanging indent.
            show(.markdown(prediction.markdown), .note("answer with \(labels(prediction))"))
        case .reveal:
            show(.note("`next` reveals what happened"))
        case let .exercise(exercise):
            show(.text("Exercise `\(exercise.id)`: your turn."))
            if !exercise.starter.text.trimmingBlankLines.isEmpty {
                show(.preformatted(indented(exercise.starter.text)))
            }
            show(.note("type commands at the prompt, then `check`; `hint` if you are stuck"))
        }
    }

    /// Runs a block one command at a time, echoing each with its outputs; every command runs.
    func runShown(_ block: CodeBlock) {
        let start = session.transcript.cells.count
        defer { session.transcript.groupSilentCommands(from: start) }
        var failed = false
        for unit in block.units {
            let entry = session.run(unit.source)
            // A marker unlike the prompt, so the learner can tell what the lesson ran from what they typed.
            show(.preformatted("▸ \(unit.command)"))
            show(entry.outputs)
            failed = failed || entry.outputs.contains(where: \.isError)
        }
        if failed {
            show(.note("a command above failed, so the lesson may not go as written from here; `lessons \(lesson?.number.map(String.init) ?? lesson?.slug ?? "")` starts it again"))
        }
    }

    func labels(_ prediction: Prediction) -> String {
        prediction.choices.map { "`predict \($0.label)`" }.joined(separator: ", ")
    }

    func indented(_ text: String) -> String {
        text.trimmingBlankLines.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
