import Foundation
import Testing
import ThawLessons

/// Where a learner's things go, and how answer files from strangers are read.
@Suite struct HomeAndAnswersTests {
    final class Folder {
        let url: URL
        init() {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-answers-\(UUID().uuidString)", isDirectory: true)
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
    }

    @Test func homeFollowsTheEnvironment() {
        #expect(ThawHome.url(environment: ["THAW_HOME": "/x/th", "HOME": "/h"]).path == "/x/th")
        // $HOME wins over the user database: two learners on one account, or a test.
        #expect(ThawHome.url(environment: ["HOME": "/home/two"]).path == "/home/two/.thaw")
    }

    @Test func progressIsSavedIntoAFolderThatDoesNotExistYet() throws {
        let folder = Folder()
        let home = folder.url.appendingPathComponent("a/b/.thaw")
        try CourseProgress(current: "fixture").save(to: home)
        #expect(CourseProgress.load(from: home).current == "fixture")
    }

    @Test func answersThatAreNotPlainTextAreRefusedWithAReason() throws {
        let folder = Folder()
        let store = AnswerStore(folder: folder.url)
        try folder.write("l/big.thaw", Array(repeating: UInt8(ascii: "#"), count: AnswerStore.sizeLimit + 1))
        try folder.write("l/garbage.thaw", [0xFF, 0xFE, 0x41, 0x80, 0x0A])
        try folder.write("outside.thaw", Array("freeze net\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("l/link.thaw").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("outside.thaw").path)
        try folder.write("l/fine.thaw", Array("freeze net\n".utf8))
        func reason(_ id: String) -> String? {
            if case let .refused(r) = store.read(lesson: "l", exercise: id) { return r }
            return nil
        }
        #expect(reason("big")?.contains("KB") == true)
        #expect(reason("garbage")?.contains("UTF-8") == true)
        #expect(reason("link")?.contains("symlink") == true)
        #expect(store.read(lesson: "l", exercise: "fine") == .text("freeze net\n"))
        #expect(store.read(lesson: "l", exercise: "absent") == .missing)
    }

    @Test func aLessonWithWindowsLineEndingsParses() throws {
        let text = Fixtures.fixture.replacingOccurrences(of: "\n", with: "\r\n")
        let lesson = try Lesson.parse(text, fileName: "01-fixture.md")
        #expect(lesson.id == "fixture")
        #expect(lesson.exercises.map(\.id) == ["freeze"])
    }
}
