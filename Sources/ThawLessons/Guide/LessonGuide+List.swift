import ThawLab

/// `lessons`: the list, with the learner's progress.
extension LessonGuide {
    func list() -> [Output] {
        guard !catalog.lessons.isEmpty || !catalog.errors.isEmpty else {
            let looked = LessonsFolder.candidates().map(\.path).joined(separator: ", ")
            return [.note("no lessons found (looked in \(looked)); set \(LessonsFolder.environmentVariable) to the lessons folder")]
        }
        var outputs: [Output]
        if let map = catalog.map {
            outputs = [.preformatted(courseMapText(map))]
        } else {
            let rows = catalog.lessons.enumerated().map { index, lesson -> [String] in
                let state = progressText(lesson)
                return [String(lesson.number ?? index + 1), lesson.slug, lesson.title, state.isOpen ? "▸ " + state.text : state.text]
            }
            outputs = [.table(Table(title: "Lessons", columns: ["#", "name", "title", "progress"],
                                    alignments: [.right, .left, .left, .left], rows: rows))]
        }
        for error in catalog.errors {
            outputs.append(.error("this lesson file has problems and is left out:\n\(error)"))
        }
        outputs.append(.note("`lessons 1` or `lessons \(catalog.lessons.first?.slug ?? "name")` opens one"))
        return outputs
    }

    /// Where the learner is in `lesson`: `✓ done`, `step 3 of 9`, or nothing; `isOpen` for
    /// the lesson open now.
    func progressText(_ lesson: Lesson) -> (text: String, isOpen: Bool, done: Bool) {
        let saved = progress.lessons[lesson.id]
        let blocks = lesson.steps.filter(\.isBlock).count
        let done = saved?.done == true
        if lesson.id == self.lesson?.id, position < lesson.steps.count {
            return ("step \(blocksBefore(position, in: lesson) + 1) of \(blocks)" + (done ? " (✓ done before)" : ""), true, done)
        } else if done {
            return ("✓ done", false, true)
        } else if let saved, saved.step > 0 {
            return ("step \(min(blocksBefore(saved.step, in: lesson) + 1, blocks)) of \(blocks)", false, false)
        }
        return ("", false, false)
    }

    /// How many blocks come before step `index`.
    func blocksBefore(_ index: Int, in lesson: Lesson) -> Int {
        lesson.steps.prefix(index).filter(\.isBlock).count
    }
}
