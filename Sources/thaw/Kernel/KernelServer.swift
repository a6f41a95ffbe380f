import Foundation
import ThawLab
import ThawLessons

/// `thaw kernel serve`: a live session driven by one JSON request per line on stdin, answered
/// by JSON lines on stdout. The Jupyter kernel (`thaw kernel install`) is a small Python
/// wrapper on `ipykernel` that talks to this; anything else may too.
///
/// Requests, and what comes back:
///
///     {"type": "execute", "code": "net = mlp 64 10"}
///         {"type": "output", "output": <an nbformat output object>}   zero or more, in order
///         {"type": "done", "failed": false, "ended": false}
///     {"type": "complete", "code": "freeze ne", "cursor": 9}          cursor in code points
///         {"type": "completions", "matches": ["net"], "cursor_start": 7, "cursor_end": 9}
///     {"type": "shutdown"}                                             ends the process
///
/// `failed` is true when a command gave an error or a check did not hold; `ended` when the
/// code ran `quit` (the process then exits; the wrapper starts a fresh session). A request
/// that is not valid JSON, or too long, gets a `done` with one `error` output saying so.
/// SIGINT stops a running command at its next step boundary, as Ctrl-C does in the shell.
struct KernelServer {
    /// The longest request read (a cell of 1 MiB is far beyond any lesson's).
    static let requestLimit = 1 << 20

    let session: Session
    let guide: LessonGuide

    init() {
        session = Session()
        guide = LessonGuide(session: session)
        session.interruptCheck = { Interrupt.requested }
        session.showProgress = false
    }

    func run() -> Int32 {
        Interrupt.handleWhileRunningCommand()
        Interrupt.unblock()   // an interrupt is how the kernel stops a cell
        defer { Interrupt.restoreDefault() }
        while let line = Swift.readLine(strippingNewline: true) {
            guard line.utf8.count <= Self.requestLimit,
                  let request = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let type = request["type"] as? String else {
                refuse("a request must be one JSON object with a `type`, at most \(Self.requestLimit) bytes")
                continue
            }
            switch type {
            case "execute":
                guard let code = request["code"] as? String else { refuse("`execute` needs `code`"); continue }
                execute(code)
                if session.quitRequested { return 0 }
            case "complete":
                guard let code = request["code"] as? String else { refuse("`complete` needs `code`"); continue }
                complete(code, cursor: request["cursor"] as? Int ?? code.unicodeScalars.count)
            case "shutdown":
                return 0
            default:
                refuse("unknown request type `\(type)`: use execute, complete or shutdown")
            }
        }
        return 0
    }

    func execute(_ code: String) {
        Interrupt.clear()   // a press while idle must not stop this cell
        let response = guide.execute(code)
        for output in KernelOutputs.jsonLines(response.outputs) {
            send(#"{"output":"# + output + #","type":"output"}"#)
        }
        send(["type": "done", "failed": response.failed, "ended": session.quitRequested])
    }

    /// Completes the word before the cursor on the cursor's line (Jupyter counts the cursor
    /// in code points; the session's completer works in UTF-8 bytes on one line).
    func complete(_ code: String, cursor: Int) {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(0, cursor), scalars.count)
        let lineStart = scalars[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let lineEnd = scalars[cursor...].firstIndex(of: "\n") ?? scalars.count
        var line = String.UnicodeScalarView(), before = String.UnicodeScalarView()
        line.append(contentsOf: scalars[lineStart..<lineEnd])
        before.append(contentsOf: scalars[lineStart..<cursor])
        let byteCursor = String(before).utf8.count
        let word = ShellCompletion.word(in: String(line), cursor: byteCursor)
        let matches = session.completions(line: String(line), cursor: byteCursor).filter { $0.hasPrefix(word.word) }
        let wordStart = cursor - word.word.unicodeScalars.count
        send(["type": "completions", "matches": matches, "cursor_start": wordStart, "cursor_end": cursor])
    }

    func refuse(_ message: String) {
        send(["type": "output",
              "output": ["output_type": "error", "ename": "Error", "evalue": message, "traceback": ["error: " + message]]])
        send(["type": "done", "failed": true, "ended": false])
    }

    func send(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        send(String(decoding: data, as: UTF8.self))
    }

    func send(_ line: String) {
        TerminalOutput.write(line + "\n")
    }
}
