import Foundation

/// Every lesson of a folder, parsed; a malformed file is kept aside with its problems, so one
/// broken lesson does not hide the others.
public struct LessonCatalog: Sendable {
    public var folder: URL?
    public var lessons: [Lesson]
    /// Files that did not parse (a course map that did not parse too).
    public var errors: [LessonError]
    /// The course map of the folder, when it has one (`course-map.txt`).
    public var map: CourseMap?

    public init(lessons: [Lesson], errors: [LessonError] = [], folder: URL? = nil, map: CourseMap? = nil) {
        self.lessons = lessons
        self.errors = errors
        self.folder = folder
        self.map = map
    }

    /// Parses every lesson file in `folder`, and its course map.
    public init(folder: URL) {
        var lessons: [Lesson] = [], errors: [LessonError] = []
        for file in LessonsFolder.lessonFiles(in: folder) {
            do { lessons.append(try Lesson.load(file)) } catch { errors.append(error) }
        }
        var map: CourseMap?
        do { map = try CourseMap.load(folder: folder) } catch { errors.append(error) }
        self.init(lessons: lessons, errors: errors, folder: folder, map: map)
    }

    /// The lesson file of a map entry, when it has landed (same number and slug).
    public func lesson(for entry: CourseMap.Entry) -> Lesson? {
        lessons.first { $0.number == entry.number && $0.slug == entry.slug }
    }

    /// The catalogue of the folder `LessonsFolder.locate()` finds (empty when there is none).
    public static func located() -> LessonCatalog {
        guard let folder = LessonsFolder.locate() else { return LessonCatalog(lessons: []) }
        return LessonCatalog(folder: folder)
    }

    /// A lesson by number (`3`), position in the list when unnumbered, id, or slug.
    public func lesson(_ key: String) -> Lesson? {
        let key = key.trimmingBlanks
        if let n = Int(key) {
            return lessons.first { $0.number == n } ?? (lessons.indices.contains(n - 1) && lessons[n - 1].number == nil ? lessons[n - 1] : nil)
        }
        let lower = key.lowercased()
        return lessons.first { $0.id.lowercased() == lower }
            ?? lessons.first { $0.slug.lowercased() == lower }
            ?? lessons.first { $0.fileName.lowercased() == lower || $0.fileName.lowercased() == lower + ".md" }
    }
}
