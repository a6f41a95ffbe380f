#if canImport(Glibc)
import Glibc
#endif

/// The shell when input is not a terminal (`echo "help" | thaw`, CI, a here-document):
/// commands are read line by line with no prompt, no line editing and no history.
///
/// Output of a failed line goes to stderr; every line is still run, and the exit status is
/// 1 if any line failed, 0 otherwise. Ctrl-C stops the running command at its next step
/// boundary (as interactively) and then ends the script with status 130.
struct PipedShell {
    let backend: ShellBackend

    func run() -> Int32 {
        defer { Interrupt.restoreDefault() }
        let pressesBefore = Interrupt.pressCount
        var interrupted: Bool { Interrupt.pressCount != pressesBefore }
        var anyFailed = false
        while !interrupted {
            // Without SA_RESTART a Ctrl-C also ends a read blocked on a slow pipe.
            Interrupt.handleWhileReadingInput()
            guard let line = Swift.readLine(strippingNewline: true), !interrupted else { break }
            Interrupt.handleWhileRunningCommand()
            let result = backend.execute(line)
            let text = InteractiveShell.terminated(result.output)
            TerminalOutput.write(text, to: result.failed ? STDERR_FILENO : STDOUT_FILENO)
            anyFailed = anyFailed || result.failed
            if result.quit { break }
        }
        if interrupted { return 130 }
        return anyFailed ? 1 : 0
    }
}
