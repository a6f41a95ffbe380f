import Foundation
import Testing
import ThawLessons

/// Output that could not be written is a failure, and unreadable scripts say why.
@Suite struct CLIOutputTests {
    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func runFailsWhenItsOutputIsLost() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "seed 1\nnet = mlp 4 2\nshow net\n".write(toFile: dir + "/x.thaw", atomically: true, encoding: .utf8)
        let fine = try ThawBinary.run(["run", dir + "/x.thaw"], stdout: .file(dir + "/out.txt"), in: dir)
        #expect(fine.status == 0, "\(fine.stderr)")
        let full = try ThawBinary.run(["run", dir + "/x.thaw"], stdout: .file("/dev/full"), in: dir)
        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("could not be written"), "\(full.stderr)")
        let closed = try ThawBinary.run(["run", dir + "/x.thaw"], stdout: .closed, in: dir)
        #expect(closed.status == 1, "\(closed.stderr)")
        #expect(closed.stderr.contains("closed"), "\(closed.stderr)")
    }

    @Test func aScriptThatIsNotUTF8SaysWhichLine() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0x73, 0x65, 0x65, 0x64, 0x20, 0x31, 0x0A, 0x6C, 0x6F, 0x61, 0x64, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: dir + "/latin1.thaw"))
        let run = try ThawBinary.run(["run", dir + "/latin1.thaw"], stdout: .file(dir + "/out.txt"), in: dir)
        #expect(run.status == 64)
        #expect(run.stderr.contains("line 2 is not UTF-8"), "\(run.stderr)")
    }

    @Test func gradeFailsWhenItsReportIsLost() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/lessons", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/student", withIntermediateDirectories: true)
        try Fixtures.fixture.write(toFile: dir + "/lessons/" + Fixtures.fixtureName, atomically: true, encoding: .utf8)
        let env = ["THAW_LESSONS": dir + "/lessons", "TMPDIR": dir]
        let written = try ThawBinary.run(["grade", dir + "/student"], stdout: .file(dir + "/report.txt"), in: dir, environment: env)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: dir + "/report.txt", encoding: .utf8).contains("score: 0/1"))
        let lost = try ThawBinary.run(["grade", dir + "/student"], stdout: .file("/dev/full"), in: dir, environment: env)
        #expect(lost.status == 1, "\(lost.stderr)")
        // --output onto a device is refused, not replaced.
        let device = try ThawBinary.run(["grade", dir + "/student", "--output", "/dev/null"], stdout: .file(dir + "/o.txt"), in: dir, environment: env)
        #expect(device.status == 73 && device.stderr.contains("character device"), "\(device.stderr)")
    }

    @Test func runShowsEscapesInTheCommandsItEchoes() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "seed 1 # \u{1B}]0;pwned\u{07}\n".write(toFile: dir + "/x.thaw", atomically: true, encoding: .utf8)
        let run = try ThawBinary.run(["run", dir + "/x.thaw"], stdout: .file(dir + "/out.txt"), in: dir)
        let out = try String(contentsOfFile: dir + "/out.txt", encoding: .utf8)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!out.contains("\u{1B}") && out.contains("\\x1B]0;pwned"), "\(out)")
    }
}
