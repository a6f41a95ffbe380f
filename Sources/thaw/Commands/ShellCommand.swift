import ArgumentParser
import Foundation
import ThawLab

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

/// The shell's view of a live session: each line runs in the session and its outputs are
/// drawn for this terminal; training polls Ctrl-C at every step.
final class LabBackend: ShellBackend {
    let session: Session
    let renderer: TerminalRenderer

    init(session: Session) {
        self.session = session
        renderer = TerminalRenderer(style: ThawLab.TerminalStyle.detected())
        session.interruptCheck = { Interrupt.requested }
        session.showProgress = isatty(2) != 0
    }

    var prompt: String { "thaw> " }

    func execute(_ line: String) -> ShellResult {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return ShellResult(output: "", quit: false, failed: false) }
        let entry = session.run(line)
        let text = renderer.render(entry.outputs)
        return ShellResult(output: text, quit: session.quitRequested, failed: entry.failed)
    }

    func completions(line: String, cursor: Int) -> [String] { session.completions(line: line, cursor: cursor) }
}
