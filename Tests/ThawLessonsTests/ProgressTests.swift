import Foundation
import Testing
import ThawLessons

@Suite("CourseProgress and answers")
struct ProgressTests {
    @Test func progressRoundTripsThroughJSON() throws {
        let home = Fixtures.temporaryFolder().appendingPathComponent("nested/home")
        var progress = CourseProgress(current: "freezing")
        progress[lesson: "freezing"] = .init(step: 5, done: false, solved: ["a"], predictions: ["p": "b"])
        progress[lesson: "lora"].done = true
        try progress.save(to: home)
        #expect(CourseProgress.load(from: home) == progress)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: CourseProgress.file(in: home))) as? [String: Any]
        #expect(json?["current"] as? String == "freezing")
        #expect((json?["lessons"] as? [String: Any])?.keys.sorted() == ["freezing", "lora"])
    }

    @Test func missingOrDamagedProgressIsEmpty() throws {
        let home = Fixtures.temporaryFolder()
        #expect(CourseProgress.load(from: home) == CourseProgress())
        try Data("{not json".utf8).write(to: CourseProgress.file(in: home))
        #expect(CourseProgress.load(from: home) == CourseProgress())
    }

    @Test func answersAreFilesPerLessonAndExercise() throws {
        let store = AnswerStore(folder: Fixtures.temporaryFolder())
        #expect(store.answer(lesson: "fixture", exercise: "freeze") == nil)
        try store.save("freeze net except net.head", lesson: "fixture", exercise: "freeze")
        #expect(store.file(lesson: "fixture", exercise: "freeze").path.hasSuffix("/fixture/freeze.thaw"))
        #expect(store.answer(lesson: "fixture", exercise: "freeze") == "freeze net except net.head\n")
    }
}
