import ThawLab

/// `lessons` with a course map: the tracks in order, each lesson with its number, slug,
/// title, minutes and state, within 80 columns:
///
///     Core (01–05)
///       ✓ 01 freezing            Layer freezing                    25 min
///       → 02 discriminative-lr   Differential learning rates       20 min  next
///     Training craft (11–15)
///         11 overfitting         Overfitting and early stopping    20 min  coming
extension LessonGuide {
    /// Column widths: slug, title. With the marks, number, minutes and the longest state
    /// (`step 12 of 15`), a line stays within 80 columns.
    static let slugWidth = 19, titleWidth = 33

    func courseMapText(_ map: CourseMap) -> String {
        let next = nextLesson(map)
        var lines: [String] = []
        for track in map.tracks {
            let first = track.numbers.lowerBound, last = track.numbers.upperBound
            lines.append(track.title + " (" + Self.twoDigits(first) + (first == last ? "" : "–" + Self.twoDigits(last)) + ")")
            for entry in track.lessons {
                var mark = " ", state = "coming"
                if let lesson = catalog.lesson(for: entry) {
                    let progress = progressText(lesson)
                    state = progress.text
                    if progress.isOpen { mark = "▸" } else if progress.done { mark = "✓"; state = "" }
                    else if entry.number == next?.number { mark = "→"; state = state.isEmpty ? "next" : state }
                }
                let line = "  \(mark) \(Self.twoDigits(entry.number)) \(Self.padded(entry.slug, Self.slugWidth)) "
                    + "\(Self.padded(entry.title, Self.titleWidth)) \(Self.padded(String(entry.minutes), 3, right: true)) min"
                    + (state.isEmpty ? "" : "  " + state)
                lines.append(line)
            }
        }
        let unmapped = catalog.lessons.filter { lesson in !map.entries.contains { catalog.lesson(for: $0) == lesson } }
        if !unmapped.isEmpty {
            lines.append("Not on the map")
            for lesson in unmapped {
                lines.append("    \(lesson.number.map(Self.twoDigits) ?? "  ") \(Self.padded(lesson.slug, Self.slugWidth)) \(Self.padded(lesson.title, Self.titleWidth))")
            }
        }
        lines.append("")
        lines.append("✓ done   → next   ▸ open   coming: not written yet")
        return lines.joined(separator: "\n")
    }

    /// The lesson to take next: the first available one, in course order, that is not done
    /// and whose available prerequisites are all done.
    func nextLesson(_ map: CourseMap) -> CourseMap.Entry? {
        func done(_ number: Int) -> Bool {
            guard let entry = map.entry(number: number), let lesson = catalog.lesson(for: entry) else { return true }
            return progress.lessons[lesson.id]?.done == true
        }
        return map.entries.first { entry in
            guard let lesson = catalog.lesson(for: entry), progress.lessons[lesson.id]?.done != true else { return false }
            return entry.requires.allSatisfy(done)
        }
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `text` cut or padded to `width` characters.
    static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
        let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        let fill = String(repeating: " ", count: width - cut.count)
        return right ? fill + cut : cut + fill
    }
}
