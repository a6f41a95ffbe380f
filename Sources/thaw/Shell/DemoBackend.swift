#if canImport(Glibc)
import Glibc
#endif

/// A stand-in backend used by the shell's own tests (Tests/ThawLabTests/ShellPTYTests.swift)
/// until the real evaluator (ThawLab) is wired in; it is not part of the course.
///
/// It knows just enough to exercise every shell feature:
/// - `echo WORDS…` prints the words (line editing, non-ASCII input, history recall);
/// - `sleep-steps N` runs N steps of ~10 ms, polling `Interrupt.requested` at each step
///   boundary the way training will, and reports "stopped after step k" on Ctrl-C;
/// - `busy-steps N` runs N steps without ever polling (the three-Ctrl-C escape hatch);
/// - `lesson N` changes the prompt to "thaw[lesson N]> ";
/// - `fail` and unknown commands fail, in red on a colour terminal;
/// - `help`, `quit`/`exit`.
/// Completion offers the command names for the first word and a fixed list of layer paths
/// for the others.
///
/// Start it with `THAW_DEMO_BACKEND=1 thaw` (`DemoBackend.isRequested`).
final class DemoBackend: ShellBackend {
    static let commands = ["busy-steps", "echo", "exit", "fail", "help", "lesson", "quit", "sleep-steps"]
    static let layerPaths = ["net.0.weight", "net.0.bias", "net.blocks.0.attn.q", "net.head.weight"]

    /// True when the environment asks for the demo backend (`THAW_DEMO_BACKEND=1`); the real
    /// CLI checks this first so the shell tests keep driving the demo.
    static var isRequested: Bool { ShellStyle.environment("THAW_DEMO_BACKEND") == "1" }

    private let style: ShellStyle
    private var lesson: Int?

    init(style: ShellStyle = .standardOutput) {
        self.style = style
    }

    var prompt: String { lesson.map { "thaw[lesson \($0)]> " } ?? "thaw> " }

    func execute(_ line: String) -> ShellResult {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let command = words.first else { return .success() }
        let arguments = Array(words.dropFirst())
        switch command {
        case "echo":
            return .success(arguments.joined(separator: " "))
        case "sleep-steps", "busy-steps":
            return steps(command, arguments, polling: command == "sleep-steps")
        case "lesson":
            guard let number = arguments.first.flatMap({ Int($0) }) else {
                return failure("usage: lesson N")
            }
            lesson = number
            return .success()
        case "help":
            return .success("commands: " + Self.commands.joined(separator: ", "))
        case "fail":
            return failure("failed on purpose")
        case "quit", "exit":
            return .quit
        default:
            return failure("unknown command '\(command)'")
        }
    }

    func completions(line: String, cursor: Int) -> [String] {
        let isFirstWord = ShellCompletion.precedingWords(in: line, cursor: cursor).isEmpty
        return isFirstWord ? Self.commands : Self.layerPaths
    }

    private func steps(_ command: String, _ arguments: [String], polling: Bool) -> ShellResult {
        guard let count = arguments.first.flatMap({ Int($0) }), count >= 0 else {
            return failure("usage: \(command) N")
        }
        var step = 0
        while step < count {
            usleep(10_000)
            step += 1
            if polling, Interrupt.requested {
                return .success("stopped after step \(step)")
            }
        }
        return .success("done: \(count) steps")
    }

    private func failure(_ message: String) -> ShellResult {
        .failure(style.red("error: ") + message)
    }
}
