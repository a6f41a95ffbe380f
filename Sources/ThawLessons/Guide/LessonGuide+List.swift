import ThawLab

/// `lessons`: the list, with the learner's progress.
extension LessonGuide {
    func list() -> [Output] {
        guard !catalog.lessons.isEmpty || !catalog.errors.isEmpty else {
            let looked = LessonsFolder.candidates().map(\.path).joined(separator: ", ")
            return [.note("no lessons found (looked in \(looked)); set \(LessonsFolder.environmentVariable) to the lessons folder")]
        }
        let rows = catalog.lessons.enumerated().map { index, lesson -> [String] in
            let saved = progress.lessons[lesson.id]
            let blocks = lesson.steps.filter(\.isBlock).count
            let state: String
            if lesson.id == self.lesson?.id, position < lesson.steps.count {
                state = "▸ step \(blocksBefore(position, in: lesson) + 1) of \(blocks)" + (saved?.done == true ? " (✓ done before)" : "")
            } else if saved?.done == true {
                state = "✓ done"
            } else if let saved, saved.step > 0 {
                state = "step \(min(blocksBefore(saved.step, in: lesson) + 1, blocks)) of \(blocks)"
            } else {
                state = ""
            }
            return [String(lesson.number ?? index + 1), lesson.slug, lesson.title, state]
        }
        var outputs: [Output] = [.table(Table(title: "Lessons", columns: ["#", "name", "title", "progress"],
                                              alignments: [.right, .left, .left, .left], rows: rows))]
        for error in catalog.errors {
            outputs.append(.error("this lesson file has problems and is left out:\n\(error)"))
        }
        outputs.append(.note("`lessons 1` or `lessons \(catalog.lessons.first?.slug ?? "name")` opens one"))
        return outputs
    }

    /// How many blocks come before step `index`.
    func blocksBefore(_ index: Int, in lesson: Lesson) -> Int {
        lesson.steps.prefix(index).filter(\.isBlock).count
    }
}
