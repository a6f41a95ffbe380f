import Foundation
import Testing
import ThawLessons

/// `thaw grade` on a hostile student's folder: writes and reads outside, symlinks, a
/// training that never ends, a line that crashes thaw, garbage bytes, a typo, an answer to
/// no exercise. The grade must finish within its budget, write the report, score each of
/// these 0 or as its check says, and leave nothing outside the scratch folder.
@Suite struct GradingSandboxTests {
    static let exercises = ["outside", "reads", "linked", "forever", "crash", "garbage", "typo", "fine"]

    /// One exercise per hostile answer, each solved by `freeze net except net.head`.
    static var lesson: String {
        var text = """
        ---
        id: hostile
        title: Hostile answers
        ---

        ```thaw
        seed 3
        digits = load digits
        net = mlp 64 16 10
        ```

        """
        for id in exercises {
            text += """

            ```thaw exercise id=\(id)
            ```

            ```thaw solution id=\(id)
            freeze net except net.head
            ```

            ```thaw check id=\(id)
            expect frozen(net.0)
            ```

            ```thaw wrong id=\(id)
            freeze net.head
            ```

            """
        }
        return text
    }

    @Test func aHostileFolderIsGradedSafelyAndCompletely() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("thaw-hostile-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        let lessons = root + "/lessons", student = root + "/student", tmp = root + "/tmp", outside = root + "/outside"
        for dir in [lessons, student + "/hostile", tmp, outside] { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try Self.lesson.write(toFile: lessons + "/01-hostile.md", atomically: true, encoding: .utf8)
        try "victim\n".write(toFile: outside + "/victim.txt", atomically: true, encoding: .utf8)
        try "secret,label\n1,0\n".write(toFile: outside + "/secret.csv", atomically: true, encoding: .utf8)

        func answer(_ id: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(toFile: student + "/hostile/\(id).thaw", atomically: true, encoding: .utf8)
        }
        try answer("outside", ["save net \"../../outside/victim.txt\"", "save net \"\(outside)/abs.safetensors\"",
                               "export \"../x.md\"", "freeze net except net.head"])
        try answer("reads", ["x = load \"\(outside)/secret.csv\"", "x = load \"/etc/passwd\"", "freeze net except net.head"])
        try fm.createSymbolicLink(atPath: student + "/hostile/linked.thaw", withDestinationPath: outside + "/victim.txt")
        // The session's own budget refuses a 100-minute run; raising it leaves the sandbox's CPU limit to stop it.
        try answer("forever", ["budget minutes 1000", "big = mlp 64 1024 1024 10", "train big on digits steps 200000",
                               "freeze net except net.head"])
        // `transform digits rotate 1e21` crashed thaw once; the validator refuses it now, so
        // the crash is requested through the grader's test hook.
        try answer("crash", ["# crash-here", "freeze net except net.head"])
        try Data([0xFF, 0x00, 0xC3, 0x28, 0x9F, 0x0A]).write(to: URL(fileURLWithPath: student + "/hostile/garbage.thaw"))
        try answer("typo", ["frezee net", "freeze net except net.head"])
        try answer("fine", ["freeze net except net.head"])
        try answer("nosuch", ["freeze net"])
        let before = try fm.subpathsOfDirectory(atPath: root).sorted()

        let start = Date()
        let run = try ThawBinary.run(["grade", student, "--output", root + "/report.txt", "--cpu-seconds", "2", "--memory-mb", "2048"],
                                     stdout: .file(root + "/stdout.txt"), in: root,
                                     environment: ["THAW_LESSONS": lessons, "TMPDIR": tmp,
                                                   "THAW_GRADER_TEST_CRASH_MARKER": "# crash-here"])
        let seconds = Date().timeIntervalSince(start)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(seconds < 60, "the grade took \(seconds) s")
        let report = try String(contentsOfFile: root + "/report.txt", encoding: .utf8)
        func block(_ id: String) -> String {
            let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
            guard let i = lines.firstIndex(where: { $0.hasSuffix("hostile/\(id)") }) else { return "" }
            return lines[i...].prefix { $0 == lines[i] || $0.hasPrefix("    ") }.joined(separator: "\n")
        }
        #expect(block("fine").hasPrefix("✓"), "\(report)")
        // Refused writes and reads are the student's errors; the check still decides.
        #expect(block("outside").hasPrefix("✓") && block("outside").contains("cannot use"), "\(report)")
        #expect(block("reads").hasPrefix("✓") && block("reads").contains("cannot use"), "\(report)")
        #expect(block("linked").contains("symlink"), "\(report)")
        #expect(block("forever").hasPrefix("✗") && block("forever").contains("CPU time"), "\(report)")
        #expect(block("crash").hasPrefix("✗"), "\(report)")
        #expect(block("garbage").hasPrefix("✗") && block("garbage").contains("not graded"), "\(report)")
        #expect(block("typo").contains("answer line 1") && block("typo").contains("frezee"), "\(report)")
        #expect(report.contains("hostile/nosuch.thaw answers no exercise"), "\(report)")
        #expect(report.contains("score: 4/8"), "\(report)")

        // Nothing appeared or changed outside: the victim is intact, the scratch folder is gone.
        #expect(try String(contentsOfFile: outside + "/victim.txt", encoding: .utf8) == "victim\n")
        let after = try fm.subpathsOfDirectory(atPath: root).sorted()
        #expect(Set(after).subtracting(before) == ["report.txt", "stdout.txt"], "\(after)")
    }
}
