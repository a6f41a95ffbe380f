import Foundation
import Testing
import TestSupport
import ThawLessons

/// `thaw grade --bundle`: a zip that Python's `zipfile` reads (Gradescope unzips it the same
/// way), whose `run_autograder`, run against a folder laid out as Gradescope lays it out
/// (`source/` = the zip, `submission/` = a student's upload), writes `results/results.json`.
/// (`setup.sh` installs Swift from swift.org and builds thaw: it needs the network, so it is
/// not run here; docs/teaching.md says so.)
@Suite("Autograder bundle")
struct AutograderBundleTests {
    @Test func runAutograderGradesAGradescopeLaidOutSubmission() throws {
        let root = Fixtures.temporaryFolder()
        let out = try ThawBinary.run(["grade", "--bundle", root.path + "/bundle", "--lesson", "1"], stdout: .file(root.path + "/stdout.txt"), in: root.path)
        #expect(out.status == 0, "\(out.stderr)")
        // Unzipped by Python, modes kept, into source/ as Gradescope does.
        let unzip = try PythonCheck.run("""
            import os, zipfile
            z = zipfile.ZipFile("\(root.path)/bundle/autograder.zip")
            assert z.testzip() is None
            names = z.namelist()
            assert names[:2] == ["setup.sh", "run_autograder"], names[:3]
            assert "thaw/Package.swift" in names and "thaw/Lessons/01-freezing.md" in names
            assert not any("/.build/" in n for n in names)
            for info in z.infolist():
                z.extract(info, "\(root.path)/source")
                os.chmod(os.path.join("\(root.path)/source", info.filename), (info.external_attr >> 16) & 0o777)
            print(len(names))
            """)
        #expect((Int(unzip.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100)

        // A student's upload: a zip of their answers folder, unpacked as submission/answers/.
        let lesson = try Lesson.load(LessonCatalogTests.folder.appendingPathComponent("01-freezing.md"))
        let store = AnswerStore(folder: root.appendingPathComponent("submission/answers"))
        try store.save(lesson.exercises[0].solution.text, lesson: lesson.id, exercise: lesson.exercises[0].id)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: root.path + "/source/run_autograder")
        var environment = ProcessInfo.processInfo.environment
        environment["AUTOGRADER_ROOT"] = root.path
        environment["THAW"] = try ThawBinary.path()
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/results.json"))) as? [String: Any])
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.count == lesson.exercises.count)
        #expect(results["score"] as? Int == 1, "\(results)")
    }

    @Test func aBundleGradesNothing() throws {
        let root = Fixtures.temporaryFolder()
        #expect(try ThawBinary.run(["grade", root.path, "--bundle", root.path + "/b"], stdout: .file(root.path + "/o.txt"), in: root.path).status == 64)
        #expect(try ThawBinary.run(["grade", "--bundle", root.path + "/b", "--lesson", "nope"], stdout: .file(root.path + "/o.txt"), in: root.path).status == 64)
    }
}
