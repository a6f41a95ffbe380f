import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C as something a running command can observe.
///
/// A SIGINT handler only raises a flag (the one async-signal-safe thing to do); commands
/// poll it at safe points, such as a training step boundary, and return to the prompt with
/// the model as it was after that step. The shell decides what the flag means elsewhere:
/// at the prompt it abandons the line being typed. See docs/shell.md.
///
/// Code below the `thaw` target (ThawLab, ThawTune) cannot import this; hand it a closure
/// such as `{ Interrupt.requested }` as its stop check.
enum Interrupt {
    /// True if Ctrl-C was pressed since the last time this was read; reading clears it,
    /// so one press stops one thing.
    static var requested: Bool { thaw_take_sigint() != 0 }

    /// True if Ctrl-C is pending, without clearing it (to stop nested loops one by one
    /// and let the outermost consume it with `requested`).
    static var peek: Bool { thaw_peek_sigint() != 0 }

    /// How many times Ctrl-C was pressed since the process started; never cleared, so the
    /// shell can see that a command was interrupted even after the command read `requested`.
    static var pressCount: Int { Int(thaw_sigint_count()) }

    /// Forgets a pending Ctrl-C (the shell does this before each prompt and each command,
    /// so a stale press never stops the next command).
    static func clear() { _ = thaw_take_sigint() }

    /// Ctrl-C abandons the line being edited: readline() returns with EINTR.
    static func handleWhileReadingInput() { thaw_sigint_waiting_for_input() }

    /// Ctrl-C raises the flag for the command to poll; three unheeded presses quit (130).
    static func handleWhileRunningCommand() { thaw_sigint_running_command() }

    /// Lets SIGINT through when whoever started thaw blocked it (a blocked mask is inherited).
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Gives SIGINT back its default meaning (terminate).
    static func restoreDefault() { thaw_restore_sigint() }
}
