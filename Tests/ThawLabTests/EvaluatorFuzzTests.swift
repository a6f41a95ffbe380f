import Foundation
import Testing
import ThawLab
import ThawLang
import ThawTune

/// Ten thousand random and mutated lines through lexer, parser and evaluator against a live
/// session: nothing crashes or hangs, every line that is refused says why, memory stays in budget.
@Suite struct EvaluatorFuzzTests {
    /// SplitMix64: a tiny seeded generator, so a failure can be replayed.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    }

    static let words = ["net", "old", "new", "test", "digits", "lm", "words", "net.0", "net.head", "net.*",
                        "epochs", "lr", "1e-3", "0", "-1", "3", "0.5", "on", "except", "rank", "[0, 1]", "0..4",
                        "\"x.safetensors\"", "=", ";", "(", ")", "ñ", "label", "<", "and", "within", "#", "∞", "🙂"]

    /// A line changed a little: a token replaced, dropped, duplicated, or a character flipped.
    static func mutate(_ line: String, _ mix: inout Mix) -> String {
        var tokens = line.split(separator: " ").map(String.init)
        switch mix.below(5) {
        case 0 where !tokens.isEmpty: tokens[mix.below(tokens.count)] = mix.pick(words)
        case 1 where tokens.count > 1: tokens.remove(at: mix.below(tokens.count))
        case 2: tokens.insert(mix.pick(words), at: mix.below(tokens.count + 1))
        case 3 where !tokens.isEmpty:
            var chars = Array(tokens[mix.below(tokens.count)])
            if !chars.isEmpty { chars[mix.below(chars.count)] = mix.pick(Array("x.*=;\"(9é")) }
            tokens[0] = String(chars)
        default:
            var shuffler = SystemShuffle(seed: mix.next())
            tokens.shuffle(using: &shuffler)
        }
        return tokens.joined(separator: " ")
    }

    /// Deterministic shuffling for `shuffle(using:)`.
    struct SystemShuffle: RandomNumberGenerator {
        var mix: Mix
        init(seed: UInt64) { mix = Mix(state: seed) }
        mutating func next() -> UInt64 { mix.next() }
    }

    /// Lines a fuzzer must not run: they write files, leave, or change the budget it checks.
    static func isExcluded(_ line: String) -> Bool {
        line.contains("save") || line.contains("export") || line.contains("budget")
            || line.hasPrefix("quit") || line.hasPrefix("exit")
    }

    /// Every line of every lesson's `thaw` blocks, in order.
    static let lessonLines: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".md") }.sorted() ?? []
        var lines: [String] = []
        for file in files {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            var inBlock = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") { inBlock = line == "```thaw"; continue }
                if inBlock && !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(String(line)) }
            }
        }
        return lines
    }()

    /// The process's peak resident memory so far (`VmHWM`), in bytes.
    static func peakMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kB * 1024
    }

    /// 10,000 lines against a live session that has data, small models and the lessons'
    /// workspace: catalogue examples and lesson lines mutated, soups of tokens, and random
    /// bytes (control characters, NUL, invalid UTF-8). Nothing may crash the process, every
    /// line must return within `lineBound`, every refusal must say why with a caret, and
    /// memory must stay within the budget.
    ///
    /// Training is the slow part, so the interrupt stops every run after 3 steps (the point is
    /// robustness, not learning) and the fuzz session's budget is lowered to 512 MiB and one
    /// minute of training per line. The workspace is checked against that budget after every
    /// line; the process's peak (`VmHWM`, shared with the tests that run alongside) against
    /// the default budget, which a line that slipped past the checks (the old code's 6 GB
    /// `mlp`) would blow through.
    @Test func tenThousandLinesNeverCrashHangOrOutgrowTheBudget() throws {
        var mix = Mix(state: 2026)
        let session = LabFixture.session()
        session.budget = SessionBudget(memoryBytes: 512 << 20, runMinutes: 1)
        var steps = 0
        session.interruptCheck = { steps += 1; return steps % 4 == 0 }
        let examples = CommandCatalog.all.flatMap(\.examples).filter { !Self.isExcluded($0) }
        let lessons = Self.lessonLines.filter { !Self.isExcluded($0) }
        try #require(lessons.count > 100, "the lessons' lines were not found")
        // The lessons' own workspace first (pretrained models, their datasets), so that their
        // mutated lines meet the names they expect.
        for line in lessons { _ = session.evaluate(line) }

        let tokens = Self.words + ["train", "mlp", "gpt", "freeze", "lora", "eval", "accuracy(net, test)", "expect",
                                   "snapshot", "restore", "sample", "plot", "show", "batch", "steps", "1000000", "4096",
                                   "1e308", "nan", "-0", "\\", "\u{0}", "\u{1B}[2J", "net.blocks.0.attn.q"]
        let alphabet = Array("abcdefxyz0123456789 .,;:=<>()[]\"'#*-+/\\ñé🙂\t")
        var lines: [String] = []
        for i in 0..<10_000 {
            var line: String
            switch i % 20 {
            case 0..<7: line = mix.pick(examples)
            case 7..<13: line = mix.pick(lessons)
            case 13..<17: line = (0..<(1 + mix.below(8))).map { _ in mix.pick(tokens) }.joined(separator: " ")
            case 17: line = String((0..<(1 + mix.below(30))).map { _ in mix.pick(alphabet) })
            default: line = String(decoding: (0..<(1 + mix.below(40))).map { _ in UInt8(mix.below(256)) }, as: UTF8.self)
            }
            // A third of the examples and lesson lines run as written, so that training,
            // evaluation and allocation are fuzzed too, not only the parser.
            if i % 20 < 13 { for _ in 0..<mix.below(3) { line = Self.mutate(line, &mix) } }
            lines.append(Self.isExcluded(line) ? "show" : line)
        }
        #expect(lines.count >= 10_000)

        let lineBound = 10.0
        var refused = 0, slowest = (0.0, "")
        for (i, line) in lines.enumerated() {
            let start = Date()
            let outputs = session.evaluate(line)
            let took = Date().timeIntervalSince(start)
            if took > slowest.0 { slowest = (took, line) }
            #expect(took < lineBound, "line \(i): `\(line)` took \(took) s")
            #expect(session.workspaceBytes <= session.budget.memoryBytes, "line \(i): `\(line)` left \(session.workspaceBytes) bytes")
            if LabFixture.isError(outputs) {
                refused += 1
                for case let .error(message) in outputs {
                    #expect(message.contains("error:") && message.contains("^"), "line \(i): `\(line)` → \(message)")
                }
            }
            if i % 1000 == 999 { _ = session.run("reset"); for setup in LabFixture.setup { _ = session.run(setup) } }
        }
        #expect(!session.quitRequested)
        #expect(refused > 5000, "the mutations should break many lines (\(refused) refused)")
        let peak = Self.peakMemory()
        #expect(peak > 0 && peak < SessionBudget.defaultMemoryBytes, "peak memory \(peak) bytes")
        print("fuzz: \(lines.count) lines, \(refused) refused, slowest \(slowest.0) s (`\(slowest.1)`), peak \(peak >> 20) MiB")
    }
}
