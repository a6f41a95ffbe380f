import Testing
import ThawLab
import ThawLang

/// Thousands of random and mutated lines through lexer, parser and evaluator against a live
/// session: nothing crashes, and every line that is refused says why.
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

    @Test func mutatedCatalogueExamplesNeverCrashTheSession() {
        var mix = Mix(state: 2026)
        let examples = CommandCatalog.all.flatMap(\.examples).filter { !$0.hasPrefix("quit") && !$0.contains("save") && !$0.contains("export") }
        let session = LabFixture.session()
        var steps = 0
        // Bound every training run to a few steps: the point is robustness, not learning.
        session.interruptCheck = { steps += 1; return steps % 4 == 0 }
        var refused = 0
        for i in 0..<1500 {
            var line = mix.pick(examples)
            for _ in 0..<(1 + mix.below(2)) { line = Self.mutate(line, &mix) }
            if line.contains("save") || line.contains("export") || line.hasPrefix("quit") || line.hasPrefix("exit") { continue }
            let outputs = session.evaluate(line)
            if outputs.contains(where: { if case .error = $0 { true } else { false } }) {
                refused += 1
                for case let .error(message) in outputs {
                    #expect(message.contains("error:") && message.contains("^"), "line \(i): `\(line)` → \(message)")
                }
            }
            if i % 300 == 0 { _ = session.run("reset"); for setup in LabFixture.setup { _ = session.run(setup) } }
        }
        #expect(refused > 300, "the mutations should break many lines (\(refused) refused)")
    }

    @Test func randomBytesAreRefusedWithAMessage() {
        var mix = Mix(state: 7)
        let session = LabFixture.session()
        let alphabet = Array("abcdefxyz0123456789 .,;:=<>()[]\"'#*-+/\\ñé🙂\t")
        for _ in 0..<1000 {
            let line = String((0..<(1 + mix.below(30))).map { _ in mix.pick(alphabet) })
            _ = session.evaluate(line)  // must not crash; errors are fine
        }
        #expect(!session.quitRequested)
    }
}
