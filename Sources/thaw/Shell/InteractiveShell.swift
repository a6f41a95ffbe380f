#if canImport(Glibc)
import Glibc
#endif

/// The shell on a terminal: line editing, history, completion and Ctrl-C through libedit.
///
/// Ctrl-C at the prompt abandons the line and shows a fresh prompt; Ctrl-C while a command
/// runs raises `Interrupt` for the command to poll; Ctrl-D on an empty line (or `quit`)
/// ends the session with status 0. History is written after each line and on exit.
struct InteractiveShell {
    let backend: ShellBackend
    let history: ShellHistory

    func run() -> Int32 {
        let editor = LineEditor(completions: { [backend] line, cursor in
            backend.completions(line: line, cursor: cursor)
        })
        history.load()
        defer {
            history.save()
            Interrupt.restoreDefault()
        }
        while true {
            switch editor.readLine(prompt: backend.prompt) {
            case .endOfInput:
                // libedit has echoed "^D" on the prompt line; end it before the shell's prompt.
                write("\n")
                return 0
            case .interrupted:
                write("^C\n")
            case .line(let line):
                Interrupt.handleWhileRunningCommand()
                history.record(line)
                let pressesBefore = Interrupt.pressCount
                let result = backend.execute(line)
                // The terminal echoed "^C" where the cursor was; start the output below it.
                if Interrupt.pressCount != pressesBefore { write("\n") }
                write(Self.terminated(result.output))
                if result.quit { return 0 }
            }
        }
    }

    /// Output as printed: a final newline added when missing, nothing for nothing.
    static func terminated(_ output: String) -> String {
        if output.isEmpty || output.hasSuffix("\n") { return output }
        return output + "\n"
    }

    private func write(_ text: String) {
        TerminalOutput.write(text)
    }
}
