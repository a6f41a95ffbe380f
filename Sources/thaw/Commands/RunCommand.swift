import ArgumentParser
import Foundation
import ThawData
import ThawLab
import enum ThawLang.ControlCharacters
import ThawLessons

/// `thaw run FILE`: replays a script of commands (or a lesson) and prints the transcript.
/// Exit 0 when everything ran and every `expect` held, 1 otherwise, 64 for usage errors.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a script of commands or a lesson, and print what happened.",
        discussion: """
            A .md file is a lesson: its prose headings are printed, its blocks run, each exercise \
            runs its reference solution and then its check, and every reveal is evaluated. \
            Exits with 1 when a command fails or an `expect` does not hold.
            """)

    @Argument(help: "A file of thaw commands (one a line), or a lesson: a .md file, or a lesson's number or name (`1`, `freezing`).",
              transform: ScriptFile.resolve)
    var file: String

    @Option(help: "For a lesson: replace the value of its first `seed` line.")
    var seed: UInt64?

    @Option(help: "Also write the run as a Jupyter notebook (nbformat 4.5).")
    var notebook: String?

    @Option(help: "Also write the run as Markdown, with plots as SVG files beside it.")
    var markdown: String?

    func run() throws {
        let text: String
        do { text = try ScriptFile.read(file) } catch {
            let missing = FileKind.of(file) == nil ? "; nor is it a lesson's number or name (`thaw run 1`, `thaw run freezing`)" : ""
            FileHandle.standardError.write(Data("thaw: \(ControlCharacters.visible(error.description + missing))\n".utf8))
            throw ExitCode(64)
        }
        if file.hasSuffix(".md") {
            let printer = LessonReplayPrinter(renderer: TerminalRenderer(style: ThawLab.TerminalStyle.detected()))
            let (passed, transcript) = printer.replay(text, fileName: URL(fileURLWithPath: file).lastPathComponent, seed: seed)
            if let transcript { try writeExports(transcript) }
            if !passed { throw ExitCode(1) }
            return
        }
        if seed != nil {
            FileHandle.standardError.write(Data("thaw: --seed applies to lessons (.md files)\n".utf8))
            throw ExitCode(64)
        }
        let session = Session(title: file)
        let renderer = TerminalRenderer(style: ThawLab.TerminalStyle.detected())
        var failed = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let entry = session.run(String(line))
            print(renderer.render(.preformatted("\(number + 1)> \(ControlCharacters.visible(String(line)))")))
            let out = renderer.render(entry.outputs)
            if !out.isEmpty { print(out) }
            if entry.failed { failed = true }
            if session.quitRequested { break }
        }
        try writeExports(session.transcript)
        if failed { throw ExitCode(1) }
    }

    /// Writes the notebook and Markdown exports asked for; a failure to write is a usage error.
    func writeExports(_ transcript: Transcript) throws {
        do {
            if let notebook { try Notebook.write(transcript, to: URL(fileURLWithPath: notebook)) }
            if let markdown { try MarkdownExport.write(transcript, to: URL(fileURLWithPath: markdown)) }
        } catch {
            FileHandle.standardError.write(Data("thaw: could not write the export: \(ControlCharacters.visible("\(error)"))\n".utf8))
            throw ExitCode(64)
        }
    }
}
