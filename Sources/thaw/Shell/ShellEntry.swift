#if canImport(Glibc)
import Glibc
#endif

/// Runs the shell over `backend` until the learner quits; returns the process exit status.
///
/// On a terminal (stdin and stdout both ttys) this is the line-editing shell; otherwise the
/// lines of stdin are run one by one with no prompt, so `echo "help" | thaw` works in pipes.
/// Exit status: 0 on quit or end of input; piped input also gives 1 when a line failed and
/// 130 after Ctrl-C.
func runInteractiveShell(backend: ShellBackend) -> Int32 {
    TerminalLocale.adopt()
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        return PipedShell(backend: backend).run()
    }
    return InteractiveShell(
        backend: backend,
        history: ShellHistory(path: ShellHistory.defaultPath())
    ).run()
}

/// The user's locale, so libedit decodes and displays non-ASCII input (ñ, é).
enum TerminalLocale {
    /// `setlocale(LC_ALL, "")` takes the locale from LANG/LC_*; libedit decodes keystrokes
    /// with mbrtowc, which in the default "C" locale rejects every byte above 0x7F. Where the
    /// environment names no UTF-8 locale (common in containers), fall back to C.UTF-8 for
    /// character handling only, since Thaw's text is UTF-8 whatever the environment says.
    static func adopt() {
        setlocale(LC_ALL, "")
        if !isUTF8 {
            _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "C.utf8")
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
