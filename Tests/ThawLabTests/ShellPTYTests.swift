// The interactive shell, driven through a real pseudo-terminal: the built `thaw` binary runs
// with the demo backend (THAW_DEMO_BACKEND=1, see Sources/thaw/Shell/DemoBackend.swift), and
// the tests type keys and read what it draws. History goes to a temporary THAW_HOME (and HOME),
// never the real home.
#if canImport(Glibc)
import Foundation
import Glibc
import Testing

@Suite("Shell in a pseudo-terminal", .serialized)
struct ShellPTYTests {
    static let prompt = "thaw> "

    // MARK: Line editing

    @Test("typing, backspace, cursor movement and Enter run the edited line")
    func lineEditing() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("echo helpp\u{7F}\u{7F}lo wörld ñé\r")
        try shell.expectOutputLine("hello wörld ñé")
        try shell.expectPrompt()
        // Move left over "rld", insert, and still run the whole line.
        try shell.type("echo wrld\u{1B}[D\u{1B}[D\u{1B}[Do\r")
        try shell.expectOutputLine("world")
        try shell.expectPrompt()
        try shell.type("lesson 2\r")
        try shell.terminal.expect("thaw[lesson 2]> ")
    }

    @Test("non-ASCII input works even when the environment names no UTF-8 locale")
    func nonASCIIWithoutLocale() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home, environment: ["LC_ALL": nil, "LANG": nil])
        try shell.type("echo añejo café\r")
        try shell.expectOutputLine("añejo café")
    }

    // MARK: History

    @Test("history is written on exit and recalled with arrow-up in the next session")
    func historyAcrossSessions() throws {
        let home = try TemporaryHome()
        do {
            let first = try ShellSession(home: home)
            try first.type("echo from-the-first-session\r")
            try first.expectOutputLine("from-the-first-session")
            try first.expectPrompt()
            try first.type("\u{04}")
            #expect(try first.terminal.waitForExit() == 0)
        }
        let saved = try String(contentsOfFile: home.path + "/thaw/history", encoding: .utf8)
        #expect(saved.contains("from-the-first-session"))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/.thaw_history"),
                "THAW_HOME must win over HOME")

        let second = try ShellSession(home: home)
        try second.type("\u{1B}[A")
        try second.terminal.expect("echo from-the-first-session")
        try second.type("\r")
        try second.expectOutputLine("from-the-first-session")
    }

    // MARK: Completion

    @Test("Tab completes a layer path as one word, dots included")
    func tabCompletesLayerPath() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("echo net.bl\t")
        try shell.terminal.expect("ocks.0.attn.q")
        try shell.type("\r")
        try shell.expectOutputLine("net.blocks.0.attn.q")
        try shell.expectPrompt()

        // Ambiguous: a second Tab lists the candidates; the first word completes commands.
        try shell.type("echo net.\t\t")
        try shell.terminal.expect("net.0.weight")
        try shell.terminal.expect("net.head.weight")
        try shell.type("\u{03}")
        try shell.expectPrompt(afterInterrupt: true)
        try shell.type("sleep-s\t3\r")
        try shell.expectOutputLine("done: 3 steps")
    }

    // MARK: Ctrl-C and Ctrl-D

    @Test("Ctrl-C at the prompt abandons the line and shows a fresh prompt")
    func ctrlCAtPrompt() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("echo abandoned")
        try shell.terminal.expect("abandoned")
        try shell.type("\u{03}")
        try shell.expectPrompt(afterInterrupt: true)
        try shell.type("echo fresh\r")
        try shell.expectOutputLine("fresh")
        try shell.expectPrompt()
        #expect(!shell.terminal.transcript.contains("\nabandoned"), "the abandoned line must not run")
        #expect(!shell.terminal.transcript.contains("abandonedecho"), "the line must be cleared")
    }

    @Test("Ctrl-C during a long command stops it at a step boundary; the session goes on")
    func ctrlCDuringCommand() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("sleep-steps 1000\r")  // ten seconds if nothing stops it
        try shell.terminal.waitUntil(cooked: true)  // the command is running
        shell.terminal.settle(for: 0.1)
        let pressed = PseudoTerminal.now()
        try shell.type("\u{03}")
        try shell.terminal.expect("stopped after step ", timeout: 3)
        #expect(PseudoTerminal.now() - pressed < 2, "Ctrl-C must stop the command promptly")
        try shell.expectPrompt()
        try shell.type("echo still-here\r")
        try shell.expectOutputLine("still-here")
        try shell.expectPrompt()
        try shell.type("quit\r")
        #expect(try shell.terminal.waitForExit() == 0)
    }

    @Test("three Ctrl-C on a command that never checks end the session with status 130")
    func unheededCtrlCQuits() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("busy-steps 1000\r")
        try shell.terminal.waitUntil(cooked: true)
        for _ in 0..<3 {
            shell.terminal.settle(for: 0.1)
            try shell.type("\u{03}")
        }
        try shell.terminal.expect("did not stop after three Ctrl-C")
        #expect(try shell.terminal.waitForExit() == 130)
    }

    @Test("Ctrl-D on an empty line quits with status 0 and writes history")
    func ctrlDQuits() throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home)
        try shell.type("echo before-quitting\r")
        try shell.expectOutputLine("before-quitting")
        try shell.expectPrompt()
        try shell.type("\u{04}")
        #expect(try shell.terminal.waitForExit() == 0)
        let saved = try String(contentsOfFile: home.path + "/thaw/history", encoding: .utf8)
        #expect(saved.contains("before-quitting"))
    }

    @Test("history is written when THAW_HOME names folders that do not exist yet")
    func historyMakesItsFolders() throws {
        let home = try TemporaryHome()
        let nested = home.path + "/not/yet/thaw"
        let shell = try ShellSession(home: home, environment: ["THAW_HOME": nested])
        try shell.type("echo into-new-folders\r")
        try shell.expectOutputLine("into-new-folders")
        try shell.expectPrompt()
        // Written after every line, not only on exit.
        let saved = try String(contentsOfFile: nested + "/history", encoding: .utf8)
        #expect(saved.contains("into-new-folders"))
        try shell.type("\u{04}")
        #expect(try shell.terminal.waitForExit() == 0)
    }

    // MARK: Colour

    @Test("colour on a terminal; none with NO_COLOR or TERM=dumb",
          arguments: [("xterm", nil, true), ("xterm", "1", false), ("dumb", nil, false)] as [(String, String?, Bool)])
    func colour(term: String, noColor: String?, expectColour: Bool) throws {
        let home = try TemporaryHome()
        let shell = try ShellSession(home: home, environment: ["TERM": term, "NO_COLOR": noColor])
        try shell.type("no-such-command\r")
        let shown = try shell.terminal.expect("unknown command")
        #expect(shown.contains("\u{1B}[31m") == expectColour)
    }

    // MARK: Not a terminal

    @Test("piped input runs line by line with no prompt and no escapes")
    func pipedInput() throws {
        let result = try ShellSession.runPiped("echo hi\nno-such-command\necho there\n")
        #expect(result.stdout == "hi\nthere\n")
        #expect(result.stderr == "error: unknown command 'no-such-command'\n")
        #expect(result.status == 1)

        let quitting = try ShellSession.runPiped("echo one\nquit\necho never\n")
        #expect(quitting.stdout == "one\n")
        #expect(quitting.status == 0)
    }

    // MARK: Startup

    /// Launch-to-prompt time, printed for docs/shell.md. Opt in with THAW_MEASURE_STARTUP=1:
    /// speed is measured, not asserted, in tests.
    @Test("time from launch to the first prompt",
          .enabled(if: ProcessInfo.processInfo.environment["THAW_MEASURE_STARTUP"] == "1"))
    func startupTime() throws {
        let home = try TemporaryHome()
        var samples: [Double] = []
        for _ in 0..<15 {
            let start = PseudoTerminal.now()
            // The real backend (a live session), not the demo: what a learner waits for.
            let shell = try ShellSession(home: home, environment: ["THAW_DEMO_BACKEND": nil])
            samples.append((PseudoTerminal.now() - start) * 1000)
            try shell.type("\u{04}")
            _ = try shell.terminal.waitForExit()
        }
        samples.sort()
        print("thaw startup to prompt: median \(samples[samples.count / 2]) ms, min \(samples[0]) ms, max \(samples[samples.count - 1]) ms")
    }
}

// MARK: - Helpers

/// A temporary directory used as both HOME and (under `thaw/`) THAW_HOME, removed afterwards.
final class TemporaryHome {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "thaw-shell-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PseudoTerminalError(description: "mkdtemp failed (errno \(errno))")
        }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The built `thaw` binary running the demo backend in a pseudo-terminal.
struct ShellSession {
    let terminal: PseudoTerminal

    /// Starts the shell and waits for its first prompt. `environment` entries override the
    /// defaults; a nil value removes the variable.
    init(home: TemporaryHome, columns: UInt16 = 100, environment overrides: [String: String?] = [:]) throws {
        var environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": home.path,
            "THAW_HOME": home.path + "/thaw",
            "TERM": "xterm",
            "LC_ALL": "C.UTF-8",
            "NO_COLOR": "1",
            "THAW_DEMO_BACKEND": "1",
        ]
        for (name, value) in overrides { environment[name] = value }
        terminal = try PseudoTerminal(executable: try Self.binary(), environment: environment, columns: columns)
        try expectPrompt()
    }

    func type(_ keys: String) throws { terminal.type(keys) }

    /// Waits for a prompt with libedit ready to read keys; after Ctrl-C, for the fresh prompt
    /// below "^C" (not a redraw of the abandoned line's prompt).
    func expectPrompt(afterInterrupt: Bool = false) throws {
        try terminal.expect((afterInterrupt ? "^C\r\n" : "") + ShellPTYTests.prompt)
        try terminal.waitUntil(cooked: false)
    }

    /// Waits for `text` printed as a whole line of output (not as an echo of the typed line).
    func expectOutputLine(_ text: String) throws {
        try terminal.expect("\r\n" + text + "\r\n")
    }

    /// Runs the shell with stdin and stdout as pipes.
    static func runPiped(_ input: String) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        let home = try TemporaryHome()
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "THAW_HOME": home.path + "/thaw",
                               "TERM": "xterm", "LC_ALL": "C.UTF-8", "THAW_DEMO_BACKEND": "1"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self),
                process.terminationStatus)
    }

    /// The `thaw` binary: $THAW_BINARY, else the one built next to this test bundle, else the
    /// usual build directories. Missing is a failure, not a skip: `make test` builds it first.
    static func binary() throws -> String {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["THAW_BINARY"] {
            guard fileManager.isExecutableFile(atPath: explicit) else {
                throw PseudoTerminalError(description: "THAW_BINARY=\(explicit) is not an executable")
            }
            return explicit
        }
        var candidates: [String] = []
        if let selfPath = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((selfPath as NSString).deletingLastPathComponent + "/thaw")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        candidates += [".build-shell/debug/thaw", ".build/debug/thaw", ".build/release/thaw"]
            .map { root + "/" + $0 }
        guard let found = candidates.first(where: fileManager.isExecutableFile(atPath:)) else {
            throw PseudoTerminalError(description: """
                the thaw binary was not found (looked at \(candidates.joined(separator: ", "))); \
                build it first (`swift build --product thaw`) or set THAW_BINARY
                """)
        }
        return found
    }
}
#endif
