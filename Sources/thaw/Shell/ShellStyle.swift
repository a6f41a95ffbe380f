import ThawLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Colour and emphasis for terminal text, decided once per output stream.
///
/// Colour is used only when the stream is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`; otherwise every wrapper returns its text
/// unchanged, so callers style freely and pipes, files and CI logs stay plain.
struct ShellStyle: Sendable {
    /// Whether the wrappers emit ANSI escape sequences.
    let colorEnabled: Bool

    init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// The style for a file descriptor, from `isatty` and the environment.
    init(fileDescriptor: Int32, environment: (String) -> String? = ShellStyle.environment) {
        self.colorEnabled = ShellStyle.allowsColor(
            isTerminal: isatty(fileDescriptor) == 1,
            noColor: environment("NO_COLOR"),
            term: environment("TERM"))
    }

    /// For standard output (what command results are printed to).
    static let standardOutput = ShellStyle(fileDescriptor: STDOUT_FILENO)
    /// For standard error (diagnostics and progress).
    static let standardError = ShellStyle(fileDescriptor: STDERR_FILENO)

    /// The rule itself is ThawLab's `ColorPolicy`, shared with the output renderer.
    static func allowsColor(isTerminal: Bool, noColor: String?, term: String?) -> Bool {
        var environment: [String: String] = [:]
        environment["NO_COLOR"] = noColor
        environment["TERM"] = term
        return ColorPolicy.shouldColor(isTerminal: isTerminal, environment: environment)
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        guard colorEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
