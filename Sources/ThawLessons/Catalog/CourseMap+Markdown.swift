extension CourseMap {
    /// The map as a Markdown table, one row per lesson, for README.md (a test keeps the
    /// README's copy equal to this).
    ///
    /// - Parameter isAvailable: whether a lesson's file has landed.
    public func markdownTable(isAvailable: (Entry) -> Bool) -> String {
        var lines = ["| track | # | lesson | minutes | requires | status |", "|---|---|---|---|---|---|"]
        for track in tracks {
            for (index, entry) in track.lessons.enumerated() {
                let name = isAvailable(entry) ? "[\(entry.title)](Lessons/\(entry.fileName))" : entry.title
                let requires = entry.requires.isEmpty ? "–" : entry.requires.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ", ")
                let number = entry.number < 10 ? "0\(entry.number)" : "\(entry.number)"
                lines.append("| \(index == 0 ? track.title : "") | \(number) | \(name) | \(entry.minutes) | \(requires) | \(isAvailable(entry) ? "available" : "coming") |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LessonCatalog {
    /// README.md's course table: the map, with the lessons that have landed linked.
    public func courseTable() -> String? {
        map?.markdownTable { lesson(for: $0) != nil }
    }
}
