import Foundation

/// The course map: tracks in order, each owning a range of lesson numbers, with its lessons
/// in order, their prerequisites and minutes. Read from `Lessons/course-map.txt`.
///
/// Whether a lesson is available is not written in the map: it is, when its file is in the
/// lessons folder (`LessonCatalog.status(of:)`), so a new lesson joins by landing its file.
public struct CourseMap: Sendable, Equatable {
    /// The map's file name in the lessons folder.
    public static let fileName = "course-map.txt"

    public struct Track: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The lesson numbers this track owns.
        public var numbers: ClosedRange<Int>
        public var lessons: [Entry]
    }

    public struct Entry: Sendable, Equatable {
        public var number: Int
        public var slug: String
        public var title: String
        public var minutes: Int
        /// Numbers of the lessons to take first.
        public var requires: [Int]
        /// The line of the map it is on.
        public var line: Int

        /// `01-freezing.md`.
        public var fileName: String { String(format: "%02d-%@.md", number, slug) }
    }

    public var tracks: [Track]

    /// Every lesson, in course order.
    public var entries: [Entry] { tracks.flatMap(\.lessons) }

    public func entry(number: Int) -> Entry? { entries.first { $0.number == number } }

    public func track(of number: Int) -> Track? { tracks.first { $0.numbers.contains(number) } }

    /// Reads `course-map.txt` from `folder`; nil when there is none.
    public static func load(folder: URL) throws(LessonError) -> CourseMap? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LessonError(file: fileName, line: 1, "cannot read \(url.path) as UTF-8 text")
        }
        return try parse(text)
    }
}
