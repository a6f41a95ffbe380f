import ArgumentParser
import Foundation
import ThawLab
import ThawLessons

/// `thaw shell` (also plain `thaw`): the interactive shell over a live session.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the Thaw shell (the default when no command is given).")

    func run() throws {
        let backend: ShellBackend = DemoBackend.isRequested ? DemoBackend() : LabBackend(session: Session())
        let code = runInteractiveShell(backend: backend)
        if code != 0 { throw ExitCode(code) }
    }
}

/// The shell's view of a live session: each line runs in the session (through the lesson
/// guide, which handles `lessons`, `next`, `check`…) and its outputs are drawn for this
/// terminal; training polls Ctrl-C at every step.
final class LabBackend: ShellBackend {
    let session: Session
    let guide: LessonGuide
    let renderer: TerminalRenderer

    init(session: Session) {
        self.session = session
        guide = LessonGuide(session: session)
        renderer = TerminalRenderer(style: ThawLab.TerminalStyle.detected())
        session.interruptCheck = { Interrupt.requested }
        session.showProgress = isatty(2) != 0
    }

    var prompt: String { guide.prompt }

    func execute(_ line: String) -> ShellResult {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return ShellResult(output: "", quit: false, failed: false) }
        let response = guide.execute(line)
        let text = renderer.render(response.outputs)
        return ShellResult(output: text, quit: session.quitRequested, failed: response.failed)
    }

    func completions(line: String, cursor: Int) -> [String] { session.completions(line: line, cursor: cursor) }
}
