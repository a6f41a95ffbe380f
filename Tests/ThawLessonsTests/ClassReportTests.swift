import Foundation
import Testing
import ThawLab
import ThawLessons

/// `thaw grade --class`: a gradebook row per student, and a summary an instructor reads —
/// pass rate per exercise, the check most often failed, and the class's predictions.
@Suite("Class report")
struct ClassReportTests {
    /// Three students on the fixture lesson: one solves it, one freezes the wrong layer, one
    /// sends nothing; two recorded predictions.
    func classReport() throws -> ClassReport {
        let lesson = try Fixtures.fixtureLesson()
        let catalog = LessonCatalog(lessons: [lesson])
        let answers = ["ana": "freeze net except net.head", "=cmd|' /C calc'!A0": "freeze net.head", "zoe": nil]
        let predictions = ["ana": "a", "=cmd|' /C calc'!A0": "a"]
        var students: [ClassReport.Student] = []
        for name in answers.keys.sorted() {
            let store = AnswerStore(folder: Fixtures.temporaryFolder())
            if let answer = answers[name]! { try store.save(answer, lesson: lesson.id, exercise: "freeze") }
            if let label = predictions[name] { try store.savePrediction(label, for: "size", lesson: lesson.id) }
            let report = try Grader(catalog: catalog, answers: store).grade()
            students.append(.init(name: name, report: report, predictions: [lesson.id: store.predictions(lesson: lesson.id)]))
        }
        return ClassReport(students: students, lessons: [lesson])
    }

    @Test func theGradebookHasARowPerStudentAndDefusesFormulas() throws {
        let csv = try classReport().csv().split(separator: "\n").map(String.init)
        #expect(csv[0] == "student,score,max_score,fixture/freeze")
        #expect(csv.contains("ana,1,1,1") && csv.contains("zoe,0,1,0"))
        // A folder name that a spreadsheet would run as a formula is quoted and defused.
        #expect(csv.contains("'=cmd|' /C calc'!A0,0,1,0"))
    }

    @Test func theSummarySaysWhatTheClassSolvedFailedAndPredicted() throws {
        let summary = try classReport().summary()
        #expect(summary.contains("3 students; scores out of 1: lowest 0, median 0, highest 1."))
        #expect(summary.contains("| fixture/freeze | 1 of 3 (33%) | expect frozen(net.0) (1) |"))
        #expect(summary.contains("How many parameters does the network have? — 2 answered"))
        #expect(summary.contains("  - `a` fewer than 2000: 2") && summary.contains("  - `b` 2000 or more: 0"))
    }

    @Test func predictionsAreKeptBesideTheAnswersAndReadWithoutTrust() throws {
        let folder = Fixtures.temporaryFolder()
        let store = AnswerStore(folder: folder)
        try store.savePrediction("b", for: "size", lesson: "fixture")
        try store.savePrediction("a", for: "other", lesson: "fixture")
        try store.savePrediction("a", for: "size", lesson: "fixture")
        #expect(store.predictions(lesson: "fixture") == ["size": "a", "other": "a"])
        // Not an answer: a predictions file is never reported as a stray answer.
        #expect(store.strayAnswers(for: [try Fixtures.fixtureLesson()]).isEmpty)
        // A huge or binary file is not read.
        try Data(repeating: 0x41, count: AnswerStore.predictionsSizeLimit + 1)
            .write(to: folder.appendingPathComponent("fixture/predictions.txt"))
        #expect(store.predictions(lesson: "fixture").isEmpty)
    }

    @Test func theShellRecordsAPredictionBesideTheAnswers() throws {
        let home = Fixtures.temporaryFolder()
        let guide = LessonGuide(session: .init(), catalog: LessonCatalog(lessons: [try Fixtures.fixtureLesson()]), home: home)
        _ = guide.execute("lessons fixture")
        _ = guide.execute("next")
        _ = guide.execute("predict b")
        #expect(AnswerStore(folder: home.appendingPathComponent("answers")).predictions(lesson: "fixture") == ["size": "b"])
    }

    /// The command as an instructor runs it, on lesson 1 with real answers and the sandbox.
    @Test func gradingAClassFolderWritesTheGradebookSummaryAndReports() throws {
        let lesson = try Lesson.load(LessonCatalogTests.folder.appendingPathComponent("01-freezing.md"))
        let root = Fixtures.temporaryFolder()
        let classFolder = root.appendingPathComponent("class"), out = root.appendingPathComponent("out")
        let ana = AnswerStore(folder: classFolder.appendingPathComponent("ana"))
        for exercise in lesson.exercises { try ana.save(exercise.solution.text, lesson: lesson.id, exercise: exercise.id) }
        try FileManager.default.createDirectory(at: classFolder.appendingPathComponent("ben"), withIntermediateDirectories: true)
        let run = try ThawBinary.run(["grade", classFolder.path, "--class", "--output", out.path, "--lesson", "1"],
                                     stdout: .file(root.path + "/stdout.txt"), in: root.path)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8)
        let n = lesson.exercises.count
        #expect(csv.contains("ana,\(n),\(n),") && csv.contains("ben,0,\(n),"), "\(csv)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("2 students") && summary.contains("1 of 2 (50%) | no answer (1)"), "\(summary)")
        #expect(try String(contentsOfFile: root.path + "/stdout.txt", encoding: .utf8) == summary)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("students/ana.txt").path))
        // Without --output there is nowhere to put several files: a usage error.
        #expect(try ThawBinary.run(["grade", classFolder.path, "--class"], stdout: .file(root.path + "/x.txt"), in: root.path).status == 64)
    }
}
