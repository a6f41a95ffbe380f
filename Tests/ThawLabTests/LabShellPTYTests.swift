// The real shell over a live session (not the demo backend), in a pseudo-terminal: layer
// paths of a model built in the session complete with Tab, and Ctrl-C during a long `train`
// stops at a step boundary and returns to the prompt with the model usable.
#if canImport(Glibc)
import Foundation
import Glibc
import Testing

@Suite("The lab shell in a pseudo-terminal", .serialized)
struct LabShellPTYTests {
    func realShell(_ home: TemporaryHome) throws -> ShellSession {
        try ShellSession(home: home, environment: ["THAW_DEMO_BACKEND": nil])
    }

    @Test("Tab completes a layer path of a model in the workspace")
    func completesALayerPath() throws {
        let home = try TemporaryHome()
        let shell = try realShell(home)
        try shell.type("net = mlp 64 32 10\r")
        try shell.expectPrompt()
        try shell.type("freeze net except net.he\t")
        try shell.terminal.expect("ad")
        try shell.type("\r")
        try shell.terminal.expect("trainable params: 330 || all params: 2,410")
        try shell.expectPrompt()
    }

    @Test("Ctrl-C during a long train returns to the prompt with the model usable")
    func interruptsTraining() throws {
        let home = try TemporaryHome()
        let shell = try realShell(home)
        try shell.type("digits = load digits; net = mlp 64 128 128 10\r")
        try shell.expectPrompt()
        try shell.type("train net on digits epochs 5000\r")
        try shell.terminal.waitUntil(cooked: true)
        shell.terminal.settle(for: 1.0)
        try shell.type("\u{03}")
        try shell.terminal.expect("stopped early: interrupted", timeout: 10)
        try shell.expectPrompt()
        try shell.type("expect accuracy(net, digits) > 0.5\r")
        try shell.terminal.expect("✓ expect accuracy(net, digits) > 0.5")
        try shell.expectPrompt()
        try shell.type("\u{04}")
        #expect(try shell.terminal.waitForExit() == 0)
    }

    @Test("a newcomer is told where to start; a lesson left open is offered again")
    func welcomesANewcomer() throws {
        let home = try TemporaryHome()
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "THAW_HOME": home.path + "/thaw",
                           "TERM": "xterm", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"]
        let first = try PseudoTerminal(executable: try ShellSession.binary(), environment: environment)
        try first.expect("Start with `lessons 1`")
        try first.expect(ShellPTYTests.prompt)
        try first.waitUntil(cooked: false)
        first.type("lessons 1\r")
        try first.expect("Layer freezing")
        try first.expect("thaw[freezing")
        first.type("\u{04}")
        _ = try first.waitForExit()
        environment["COLUMNS"] = "100"
        let second = try PseudoTerminal(executable: try ShellSession.binary(), environment: environment)
        try second.expect("You were in the lesson `freezing`")
    }

    @Test("a typo gets a caret and a suggestion, and the session goes on")
    func typoKeepsTheSession() throws {
        let home = try TemporaryHome()
        let shell = try realShell(home)
        try shell.type("frezee net\r")
        try shell.terminal.expect("did you mean `freeze`?")
        try shell.expectPrompt()
        try shell.type("print 1 + 1\r")
        try shell.terminal.expect("1 + 1 = 2")
    }
}
#endif
