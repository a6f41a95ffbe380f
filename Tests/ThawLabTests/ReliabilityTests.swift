import Foundation
import Testing
import ThawLab
import ThawLang
#if canImport(Glibc)
import Glibc
#endif

/// What a learner can type that used to crash the session, replace files it should not, or
/// print terminal escapes raw.
@Suite struct ReliabilityTests {
    final class Folder {
        let path: String
        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-lab-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func at(_ name: String) -> String { path + "/" + name }
    }

    static func errorText(_ session: Session, _ line: String) -> String? {
        let outputs = session.run(line).outputs
        return LabFixture.isError(outputs) ? LabFixture.text(outputs) : nil
    }

    @Test func promptTuningThatOverfillsTheContextIsAMessage() throws {
        let s = Session()
        for line in ["seed 1", "lm = pretrained gpt_english", "words = load english", "prompt lm tokens 4"] {
            #expect(!LabFixture.isError(s.run(line).outputs), "\(line)")
        }
        // This trapped on PromptTuned's precondition and lost the session.
        let message = try #require(Self.errorText(s, "train lm on words steps 1"))
        #expect(message.contains("soft-prompt vectors"), "\(message)")
        #expect(Self.errorText(s, "expect perplexity(lm, words) > 0") != nil)  // evaluation is refused too, not a trap
    }

    @Test func saveRefusesAFIFOAndASymlink() throws {
        let folder = Folder()
        let s = Session()
        _ = s.run("net = mlp 4 2")
        try #require(mkfifo(folder.at("fifo"), 0o600) == 0)
        let fifo = try #require(Self.errorText(s, "save net \"\(folder.at("fifo"))\""))
        #expect(fifo.contains("FIFO"), "\(fifo)")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder.at("real")))
        try FileManager.default.createSymbolicLink(atPath: folder.at("link"), withDestinationPath: folder.at("real"))
        let link = try #require(Self.errorText(s, "save net \"\(folder.at("link"))\""))
        #expect(link.contains("symlink"), "\(link)")
        #expect(try String(contentsOfFile: folder.at("real"), encoding: .utf8) == "keep")
        try #require(mkfifo(folder.at("pipe.md"), 0o600) == 0)
        let export = try #require(Self.errorText(s, "export \"\(folder.at("pipe.md"))\""))
        #expect(export.contains("FIFO") && !export.contains("NSCocoaErrorDomain"), "\(export)")
    }

    @Test func aConfinedSessionStaysInItsFolder() throws {
        let folder = Folder()
        let outside = Folder()
        try Data("secret,label\n1,0\n".utf8).write(to: URL(fileURLWithPath: outside.at("secret.csv")))
        try FileManager.default.createSymbolicLink(atPath: folder.at("escape"), withDestinationPath: outside.path)
        let s = Session()
        s.fileAccess = .confined(to: URL(fileURLWithPath: folder.path))
        _ = s.run("net = mlp 4 2")
        let refused = [
            "save net \"\(outside.at("a.safetensors"))\"",      // absolute
            "save net \"../a.safetensors\"",                     // leaves by ..
            "save net \"sub/../../a.safetensors\"",
            "save net \"escape/a.safetensors\"",                 // through a symlink
            "x = load \"escape/secret.csv\"",
            "x = load \"/etc/passwd\"",
            "export \"../x.md\"",
        ]
        for line in refused {
            let message = Self.errorText(s, line)
            #expect(message?.contains("cannot use") == true, "\(line): \(message ?? "allowed")")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted() == ["secret.csv"])
        // Inside, relative paths work as usual.
        #expect(Self.errorText(s, "save net \"runs/net.safetensors\"") == nil)
        #expect(Self.errorText(s, "load \"runs/net.safetensors\" into net") == nil)
        #expect(FileManager.default.fileExists(atPath: folder.at("runs/net.safetensors")))
    }

    @Test func controlCharactersInMessagesAreShownNotObeyed() {
        let s = Session()
        let outputs = s.run("x = load \"a\u{1B}]0;title\u{07}.csv\"").outputs
        let rendered = TerminalRenderer(style: .plain).render(outputs)
        #expect(!rendered.contains("\u{1B}") && !rendered.contains("\u{07}"), "\(rendered)")
        #expect(rendered.contains("\\x1B]0;title\\x07"), "\(rendered)")
        #expect(ControlCharacters.visible("tab\tnew\nline\u{9B}31m\u{202E}") == "tab\tnew\nline\\x9B31m\\u{202E}")
    }
}
