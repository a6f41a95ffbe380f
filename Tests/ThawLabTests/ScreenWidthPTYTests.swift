// The real shell on an 80-column pseudo-terminal: a lesson's prose, question and reveal, a
// long run's table, a plot and the training progress line all fit the width, and nothing
// shows Markdown markers or a broken character. THAW_PTY_CAPTURE=FILE keeps what was drawn.
#if canImport(Glibc)
import Foundation
import Glibc
import Testing
import ThawText

@Suite("The lab shell on an 80-column terminal", .serialized)
struct ScreenWidthPTYTests {
    /// A lesson whose prose, question and reveal are all wider than 80 columns.
    static let lesson = """
        ---
        id: screen
        title: Fitting the screen
        summary: Prose, a question and a reveal too wide for a terminal.
        ---

        # Fitting the screen

        A network trained on one task has learned more than that task: its lower layers turn raw pixels into features, and its last layer, the **head**, maps those features to the classes it was trained on. A *linear probe* trains the head alone: `freeze net except net.head`.

        ```thaw
        seed 3
        digits = load digits
        tiny = select digits take 60
        net = mlp 64 16 10
        ```

        ```thaw predict id=size
        question: Counting every weight and every bias of every layer, from the inputs up to the head, how many parameters does the network have?
        a: fewer than two thousand, because sixteen hidden units make a small network | params(net) < 2000
        b: two thousand or more, because the input layer alone has more than a thousand weights | params(net) >= 2000
        ```

        ```thaw reveal id=size
        ```

        The end.
        """

    /// The screen's lines as a person sees them: escape sequences removed, and a line that
    /// was redrawn after `\\r` split where it was redrawn.
    static func visibleLines(_ raw: String) -> [String] {
        var text = "", escape = false, csi = false
        for scalar in raw.unicodeScalars {
            if escape {
                if csi { if (0x40...0x7E).contains(scalar.value) { escape = false; csi = false } }
                else if scalar == "[" { csi = true } else { escape = false }
                continue
            }
            if scalar == "\u{1B}" { escape = true; continue }
            text.unicodeScalars.append(scalar)
        }
        return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.map(String.init)
    }

    @Test("a reveal, a table, a plot and the progress line fit 80 columns")
    func everythingFitsEightyColumns() throws {
        let home = try TemporaryHome()
        let lessons = home.path + "/lessons"
        try FileManager.default.createDirectory(atPath: lessons, withIntermediateDirectories: true)
        try Self.lesson.write(toFile: lessons + "/01-screen.md", atomically: true, encoding: .utf8)
        let shell = try ShellSession(home: home, columns: 80,
                                     environment: ["THAW_DEMO_BACKEND": nil, "THAW_LESSONS": lessons, "COLUMNS": nil])
        let terminal = shell.terminal
        defer {
            if let path = ProcessInfo.processInfo.environment["THAW_PTY_CAPTURE"] {
                try? terminal.transcript.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        let prompt = "]> "   // thaw[screen 1/3]> and the like
        try shell.type("lessons screen\r")
        try terminal.expect("`next` runs this", timeout: 30)
        try terminal.expect(prompt)
        try terminal.waitUntil(cooked: false)
        try shell.type("next\r")
        try terminal.expect("answer with", timeout: 30)
        try terminal.expect(prompt)
        try terminal.waitUntil(cooked: false)
        try shell.type("predict a\r")
        try terminal.expect(prompt, timeout: 30)
        try terminal.waitUntil(cooked: false)
        try shell.type("next\r")
        try terminal.expect("held.", timeout: 30)   // the reveal's verdict
        try terminal.expect(prompt)
        try terminal.waitUntil(cooked: false)

        try shell.type("r = train net on digits epochs 3\r")
        try terminal.expect(prompt, timeout: 60)
        try terminal.waitUntil(cooked: false)
        try shell.type("long = train net on tiny epochs 30 batch 60\r")
        try terminal.expect(prompt, timeout: 60)
        try terminal.waitUntil(cooked: false)
        try shell.type("show long\r")
        try terminal.expect("epochs left out", timeout: 30)
        try terminal.expect(prompt)
        try terminal.waitUntil(cooked: false)
        try shell.type("plot loss of r long\r")
        try terminal.expect("step", timeout: 30)
        try terminal.expect(prompt)
        try terminal.waitUntil(cooked: false)

        let raw = terminal.transcript
        let lines = Self.visibleLines(raw)
        let wide = lines.filter { DisplayWidth.of($0) > 80 }
        #expect(wide.isEmpty, "lines wider than 80 columns:\n\(wide.joined(separator: "\n"))")
        #expect(!raw.unicodeScalars.contains("\u{FFFD}"), "a broken character was drawn")
        #expect(!raw.contains("**"), "Markdown markers reached the screen")
        #expect(lines.contains { $0.hasPrefix("│ ▸ a ") }, "the reveal marks the prediction")
        #expect(lines.contains { $0.contains("• r") && $0.contains("× long") }, "the legend shows each series' glyph")
        #expect(lines.contains { $0.hasPrefix("│     ⋮ │") }, "the long run is summarised")
        // The progress line: redrawn in place (return, clear the line), never wrapped.
        #expect(raw.contains("\r\u{1B}[2Kr · epoch") || raw.contains("\r\u{1B}[2Knet on digits · epoch"),
                "no progress line was drawn")
    }
}
#endif
