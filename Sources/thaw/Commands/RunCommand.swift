import ArgumentParser
import Foundation
import ThawLab

/// `thaw run FILE`: replays a script of commands (or a lesson) and prints the transcript.
/// Exit 0 when everything ran and every `expect` held, 1 otherwise, 64 for usage errors.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a script of commands or a lesson, and print what happened.",
        discussion: "Exits with 1 when a command fails or an `expect` does not hold.")

    @Argument(help: "A file of thaw commands (one a line), or a lesson (.md).")
    var file: String

    func run() throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            FileHandle.standardError.write(Data("thaw: cannot read \(file)\n".utf8))
            throw ExitCode(64)
        }
        let session = Session(title: file)
        let renderer = TerminalRenderer(style: ThawLab.TerminalStyle.detected())
        var failed = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let entry = session.run(String(line))
            print("\(number + 1)> \(line)")
            let out = renderer.render(entry.outputs)
            if !out.isEmpty { print(out) }
            if entry.failed { failed = true }
            if session.quitRequested { break }
        }
        if failed { throw ExitCode(1) }
    }
}
