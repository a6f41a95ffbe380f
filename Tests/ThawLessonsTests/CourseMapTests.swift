import Foundation
import Testing
import ThawLab
import ThawLessons

/// The course map in Lessons/course-map.txt: it parses, it and the lesson files agree,
/// README.md's table is generated from it, and `lessons` shows it within 80 columns.
///
/// After changing the map, regenerate README.md's table with
///
///     THAW_REGENERATE_DOCS=1 swift test --filter CourseMapTests
@Suite("Course map")
struct CourseMapTests {
    static let catalog = LessonCatalog(folder: LessonCatalogTests.folder)
    static let readme = String(#filePath.split(separator: "/Tests/", omittingEmptySubsequences: false)[0]) + "/README.md"
    static let begin = "<!-- BEGIN GENERATED COURSE MAP -->\n"
    static let end = "<!-- END GENERATED COURSE MAP -->"

    @Test func theMapParsesWithTracksInOrder() throws {
        #expect(Self.catalog.errors.isEmpty, "\(Self.catalog.errors)")
        let map = try #require(Self.catalog.map)
        #expect(map.tracks.map(\.id) == ["core", "craft", "data", "transformers", "vision", "efficiency", "capstone"])
        #expect(map.tracks.first?.lessons.map(\.number) == [1, 2, 3, 4, 5])
        #expect(map.entry(number: 90)?.slug == "capstone")
    }

    @Test func everyLessonFileIsOnTheMapWithItsTitle() throws {
        let map = try #require(Self.catalog.map)
        for lesson in Self.catalog.lessons {
            let entry = map.entries.first { $0.fileName == lesson.fileName }
            #expect(entry != nil, "\(lesson.fileName) is not on the course map: add it to Lessons/course-map.txt")
            #expect(entry?.title == lesson.title, "\(lesson.fileName): the map says `\(entry?.title ?? "")`, the file `\(lesson.title)`")
        }
        // A lesson is available exactly when its file is there.
        let available = map.entries.filter { Self.catalog.lesson(for: $0) != nil }.map(\.number)
        #expect(available == [1, 2, 3, 4, 5, 13, 14, 90])
    }

    @Test func availableLessonsRequireOnlyAvailableLessons() throws {
        let map = try #require(Self.catalog.map)
        for entry in map.entries where Self.catalog.lesson(for: entry) != nil {
            for need in entry.requires {
                let required = try #require(map.entry(number: need))
                #expect(Self.catalog.lesson(for: required) != nil, "lesson \(entry.number) requires \(need), which has not landed")
            }
        }
    }

    @Test func readmeCarriesTheGeneratedTable() throws {
        let document = try #require(try? String(contentsOfFile: Self.readme, encoding: .utf8), "cannot read \(Self.readme)")
        let start = try #require(document.firstRange(of: Self.begin))
        let stop = try #require(document.firstRange(of: Self.end))
        let expected = try #require(Self.catalog.courseTable())
        let generated = String(document[start.upperBound..<stop.lowerBound])
        if generated != expected, ProcessInfo.processInfo.environment["THAW_REGENERATE_DOCS"] == "1" {
            let updated = document[..<start.upperBound] + expected + document[stop.lowerBound...]
            try updated.write(toFile: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(generated == expected, "run THAW_REGENERATE_DOCS=1 swift test --filter CourseMapTests")
    }

    @Test func mistakesAreReportedWithTheirLines() {
        let text = """
        track 01-05 core: Core
          01 freezing | Layer freezing | 25 min | requires -
          07 lora | LoRA | 25 min | requires 01
          02 freezing | Again | 20 min | requires 03
          03 broken | no minutes | requires -
        track 03-09 late: Overlaps
        """
        #expect(throws: LessonError.self) { try CourseMap.parse(text) }
        do {
            _ = try CourseMap.parse(text)
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 4, 5, 6])
            #expect(error.problems[0].message == "lesson 7 is outside track `core`'s numbers 1–5")
            #expect(error.problems[1].message.hasPrefix("the slug `freezing` is used twice"))
            #expect(error.problems[2].message == "lesson 2 requires 3, which is not a lesson listed before it")
        }
    }

    @Test func lessonsShowsTheMapWithDoneNextAndComing() throws {
        let home = Fixtures.temporaryFolder()
        var progress = CourseProgress()
        progress.lessons["freezing"] = .init(step: 9, done: true)
        try progress.save(to: home)
        let guide = LessonGuide(session: Session(), catalog: Self.catalog, home: home)
        let text = guide.execute("lessons").outputs.compactMap { if case let .preformatted(t) = $0 { t } else { nil } }.joined()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Core (01–05)")
        #expect(lines.contains("  ✓ 01 freezing            Layer freezing                     25 min"))
        #expect(lines.contains("  → 02 discriminative-lr   Differential learning rates        20 min  next"))
        #expect(lines.contains("    11 overfitting         Overfitting and early stopping     20 min  coming"))
        #expect(lines.contains("Capstone (90)"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        // `lessons 90` and `lessons capstone` still open a lesson.
        #expect(Self.catalog.lesson("90")?.id == "capstone")
        #expect(Self.catalog.lesson("capstone")?.number == 90)
    }
}
