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
        let backend: ShellBackend
        if DemoBackend.isRequested {
            backend = DemoBackend()
        } else {
            let lab = LabBackend(session: Session())
            // Greet only a person at a terminal; pipes and scripts get nothing extra.
            if isatty(0) != 0 && isatty(1) != 0 { print(lab.renderer.render(.text(lab.welcome))) }
            backend = lab
        }
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

    /// What a newcomer needs first: where to start, how to get help, how to stop.
    var welcome: String {
        let next: String
        if let open = guide.progress.current {
            next = "You were in the lesson `\(open)`: `lessons \(open)` carries on where you left off."
        } else {
            next = "Start with `lessons 1` (layer freezing); `lessons` shows the whole course."
        }
        return """
            Thaw — a hands-on course in fine-tuning.
            \(next)
            `help` lists the commands and `help freeze` explains one; Tab completes names and layer paths.
            Ctrl-C stops a training run after its current step; Ctrl-D or `quit` leaves.

            """
    }

    func execute(_ line: String) -> ShellResult {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return ShellResult(output: "", quit: false, failed: false) }
        let response = guide.execute(line)
        let text = renderer.render(response.outputs)
        return ShellResult(output: text, quit: session.quitRequested, failed: response.failed)
    }

    func completions(line: String, cursor: Int) -> [String] { session.completions(line: line, cursor: cursor) }
}
