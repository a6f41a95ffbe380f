// The seam between the interactive shell and whatever evaluates commands.
//
// The shell owns the terminal (line editing, history, completion keys, Ctrl-C, colour
// decisions); the backend owns the language. The evaluator (ThawLab, behind an adapter in
// this target) implements `ShellBackend`; until it exists, `DemoBackend` stands in for it.

/// What the shell drives: executes one line, offers completions.
///
/// Everything is called on the shell's thread, one call at a time.
protocol ShellBackend: AnyObject {
    /// Runs one line of input; returns the text to print (already rendered for the terminal,
    /// colour decided with `ShellStyle`) and whether the session should end.
    ///
    /// Must never crash on bad input. Empty lines are passed through too (a lesson may use
    /// Enter to advance). A long-running command polls `Interrupt.requested` at its step
    /// boundaries and returns early, with what it did so far, when the learner pressed Ctrl-C.
    func execute(_ line: String) -> ShellResult

    /// Completion candidates for the word being typed.
    ///
    /// `line` is the whole line and `cursor` the UTF-8 byte offset of the cursor in it. The
    /// word is the text between the last of `ShellCompletion.wordBreaks` before the cursor and
    /// the cursor (`ShellCompletion.word(in:cursor:)` finds it); `.` and `/` are not breaks, so
    /// a layer path such as `net.blocks.0.attn.q` is one word. Return whole replacements for
    /// that word; the shell drops any that do not start with it.
    func completions(line: String, cursor: Int) -> [String]

    /// The prompt shown before each line, read afresh every time (e.g. "thaw> ",
    /// "thaw[lesson 2]> "). Plain text, no escape sequences: libedit measures the prompt to
    /// place the cursor, and its support for invisible prompt characters is unreliable.
    var prompt: String { get }
}

/// The outcome of one line.
struct ShellResult: Equatable, Sendable {
    /// Text to print; the shell adds a final newline when it is missing. Empty prints nothing.
    var output: String
    /// True when the session should end (`quit`).
    var quit: Bool
    /// True when the line was an error or a failed check. Interactively this changes nothing
    /// (the message is the output); for piped input the shell exits with status 1 at the end.
    var failed: Bool

    init(output: String = "", quit: Bool = false, failed: Bool = false) {
        self.output = output
        self.quit = quit
        self.failed = failed
    }

    static func success(_ output: String = "") -> ShellResult { ShellResult(output: output) }
    static func failure(_ output: String) -> ShellResult { ShellResult(output: output, failed: true) }
    static let quit = ShellResult(quit: true)
}
