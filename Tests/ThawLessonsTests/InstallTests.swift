import Foundation
import Testing

/// `make install`'s script puts a working thaw under a prefix: the binary finds the lessons
/// and data installed beside it (not the clone's), `--version` answers, the completion
/// scripts are there, and the README's `thaw run Lessons/01-freezing.md` works from any
/// directory.
@Suite("Installing thaw")
struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program with `input` on stdin, in `directory`; gives back its status and stdout.
    func run(_ program: String, _ arguments: [String], input: String = "", in directory: String) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["THAW_LESSONS"] = nil
        environment["THAW_DATASETS"] = nil
        environment["THAW_HOME"] = directory + "/home"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func anInstalledThawRunsFromAnywhereWithWhatWasInstalled() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-prefix-\(UUID().uuidString)").path
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-cwd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let install = try run("/bin/bash", [Self.root.path + "/scripts/install.sh", prefix, try ThawBinary.path()], in: Self.root.path)
        #expect(install.status == 0)
        #expect(install.out.contains("installed thaw "))
        let thaw = prefix + "/bin/thaw"

        #expect(try run(thaw, ["--version"], in: elsewhere).out.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        for script in ["bash-completion/completions/thaw", "zsh/site-functions/_thaw", "fish/vendor_completions.d/thaw.fish"] {
            let text = try String(contentsOfFile: prefix + "/share/" + script, encoding: .utf8)
            #expect(text.contains("kernel") && text.contains("run"), "\(script)")
        }

        // The installed lessons are the ones it reads: one removed from the installed copy is "coming".
        try FileManager.default.removeItem(atPath: prefix + "/share/thaw/Lessons/04-lora.md")
        let listing = try run(thaw, [], input: "lessons\n", in: elsewhere).out
        #expect(listing.contains("04 lora") && listing.split(separator: "\n").contains { $0.contains("04 lora") && $0.contains("coming") }, "\(listing)")

        // The README's example, as written, from a directory that is not the clone.
        let replay = try run(thaw, ["run", "Lessons/01-freezing.md"], in: elsewhere)
        #expect(replay.status == 0 && replay.out.contains("✓ 01-freezing.md"), "\(replay.out.suffix(300))")
        #expect(try run(thaw, ["run", "no-such-lesson"], in: elsewhere).status == 64)
    }
}
