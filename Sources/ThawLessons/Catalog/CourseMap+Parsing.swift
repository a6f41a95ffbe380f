import Foundation

extension CourseMap {
    /// Parses the map's text (see `Lessons/course-map.txt` for the format). Throws every
    /// problem at once, with lines: a malformed line, a number outside its track's range or
    /// used twice, a slug used twice, a prerequisite that is unknown or comes later.
    public static func parse(_ text: String) throws(LessonError) -> CourseMap {
        var tracks: [Track] = []
        var problems: [LessonError.Problem] = []
        func problem(_ line: Int, _ message: String) {
            problems.append(.init(file: fileName, line: line, message: message))
        }
        var numbersSoFar: [Int: Int] = [:], slugs: [String: Int] = [:]
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1, trimmed = raw.trimmingBlanks
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("track ") {
                guard let track = Self.track(trimmed) else {
                    problem(line, "expected `track FIRST-LAST ID: TITLE`, as in `track 11-15 craft: Training craft`")
                    continue
                }
                if let last = tracks.last, track.numbers.lowerBound <= last.numbers.upperBound {
                    problem(line, "track `\(track.id)` starts at \(track.numbers.lowerBound), inside or before track `\(last.id)` (\(last.numbers)): tracks go in number order")
                }
                tracks.append(track)
                continue
            }
            guard !tracks.isEmpty else { problem(line, "a lesson line comes after a `track` line"); continue }
            guard let entry = Self.entry(trimmed, line: line) else {
                problem(line, "expected `NN SLUG | TITLE | MINUTES min | requires NN NN…` (or `requires -`)")
                continue
            }
            let track = tracks[tracks.count - 1]
            if !track.numbers.contains(entry.number) {
                problem(line, "lesson \(entry.number) is outside track `\(track.id)`'s numbers \(track.numbers.lowerBound)–\(track.numbers.upperBound)")
            }
            if let first = numbersSoFar[entry.number] { problem(line, "lesson number \(entry.number) is used twice (first on line \(first))") }
            if let first = slugs[entry.slug] { problem(line, "the slug `\(entry.slug)` is used twice (first on line \(first))") }
            for need in entry.requires where numbersSoFar[need] == nil {
                problem(line, need == entry.number ? "lesson \(need) requires itself"
                              : "lesson \(entry.number) requires \(need), which is not a lesson listed before it")
            }
            numbersSoFar[entry.number] = line
            slugs[entry.slug] = line
            tracks[tracks.count - 1].lessons.append(entry)
        }
        if !problems.isEmpty { throw LessonError(problems) }
        return CourseMap(tracks: tracks)
    }

    /// `track 11-15 craft: Training craft`.
    private static func track(_ text: String) -> Track? {
        let body = text.dropFirst("track ".count)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let head = body[..<colon].split(separator: " ")
        let title = body[body.index(after: colon)...].trimmingBlanks
        guard head.count == 2, !title.isEmpty, BlockInfo.isValidID(String(head[1])) else { return nil }
        let bounds = head[0].split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1] else { return nil }
        return Track(id: String(head[1]), title: title, numbers: bounds[0]...bounds[1], lessons: [])
    }

    /// `11 overfitting | Overfitting and early stopping | 20 min | requires 01`.
    private static func entry(_ text: String, line: Int) -> Entry? {
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingBlanks }
        guard fields.count == 4 else { return nil }
        let head = fields[0].split(separator: " ")
        guard head.count == 2, let number = Int(head[0]), number >= 1, BlockInfo.isValidID(String(head[1])) else { return nil }
        let minutesWords = fields[2].split(separator: " ")
        guard minutesWords.count == 2, minutesWords[1] == "min", let minutes = Int(minutesWords[0]), minutes > 0 else { return nil }
        let requiresWords = fields[3].split(separator: " ")
        guard requiresWords.first == "requires", requiresWords.count >= 2 else { return nil }
        var requires: [Int] = []
        if !(requiresWords.count == 2 && requiresWords[1] == "-") {
            for word in requiresWords.dropFirst() {
                guard let n = Int(word) else { return nil }
                requires.append(n)
            }
        }
        guard !fields[1].isEmpty else { return nil }
        return Entry(number: number, slug: String(head[1]), title: fields[1], minutes: minutes, requires: requires, line: line)
    }
}
