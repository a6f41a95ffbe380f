import Testing
import ThawLang

/// A tiny seeded generator (SplitMix64), so every run feeds the same lines.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Thousands of random and mutated lines through lexer, parser, validator, renderer and
/// completer. The properties: nothing crashes; every diagnostic points inside the line;
/// a line with no diagnostics lost none of its text and prints to text that parses back
/// to the same statements.
@Suite("Fuzz")
struct FuzzTests {
    static let vocabulary: [String] = {
        var words = CommandCatalog.namesAndAliases
        words += CommandCatalog.all.flatMap { $0.options.map(\.name) }
        words += CommandCatalog.functions.map(\.name)
        words += ["net", "old", "new", "net.0", "net.head", "gpt.blocks.*.attn.q", "label", "x", "ñandú",
                  "3", "0.5", "1e-3", "-2", "1e999", "99999999999999999999", "0..5", "0..<5", "1...3", ".5",
                  "\"runs/a.safetensors\"", "\"open", "\"bad \\q\"", "'single'", "“curly”",
                  "=", "==", "!=", "<", "<=", ">", ">=", "≈", "≤", "+", "-", "*", "/", "−",
                  "(", ")", "[", "]", ",", ";", "#", "\n", "..", "..<", "--epochs", "&&", "!", "@",
                  "and", "or", "not", "in", "on", "off", "true", "within",
                  "😀", "👩‍👩‍👧", "数据", "\t", "\u{7}", "\u{FEFF}", "e\u{301}", "\r\n", "·"]
        return words
    }()

    static let separators = [" ", " ", " ", "", "  ", "\t"]

    func soup(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...14, using: &rng)).map { _ in
            Self.vocabulary.randomElement(using: &rng)! + Self.separators.randomElement(using: &rng)!
        }.joined()
    }

    func bytes(_ rng: inout SplitMix64) -> String {
        let raw = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return String(decoding: raw, as: UTF8.self)
    }

    /// A valid example with one to three edits: deletions, insertions, swaps, truncation.
    func mutation(_ rng: inout SplitMix64, of examples: [String]) -> String {
        var characters = Array(examples.randomElement(using: &rng)!)
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let at = Int.random(in: 0...characters.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where at < characters.count: characters.remove(at: at)
            case 1: characters.insert(contentsOf: Self.vocabulary.randomElement(using: &rng)!, at: at)
            case 2 where at + 1 < characters.count: characters.swapAt(at, at + 1)
            case 3: characters = Array(characters.prefix(at))
            case 4: characters.insert(Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &rng))), at: at)
            default: characters.insert(contentsOf: " ", at: at)
            }
        }
        return String(characters)
    }

    /// The problems with one line, as text; empty when the properties hold.
    func violations(_ line: String, _ rng: inout SplitMix64) -> [String] {
        var found = [String]()
        let script = Script(line)
        let length = line.utf8.count
        for diagnostic in script.diagnostics {
            let ranges = [diagnostic.range] + diagnostic.notes.compactMap(\.range)
            if ranges.contains(where: { $0.start.offset < 0 || $0.end.offset > length || $0.start > $0.end }) {
                found.append("range outside the line: \(diagnostic)")
            }
            if diagnostic.message.isEmpty { found.append("empty message") }
        }
        let rendered = script.renderedDiagnostics()
        if script.diagnostics.isEmpty != rendered.isEmpty { found.append("rendering lost a diagnostic") }
        if script.diagnostics.isEmpty {
            // Nothing was silently dropped: every token lies inside some statement.
            let tokens = Lexer.tokenize(script.source).tokens.filter { !$0.endsStatement }
            for token in tokens where !script.statements.contains(where: { $0.range.offsets.contains(token.range.start.offset) }) {
                found.append("token \(token) belongs to no statement")
            }
            let printed = script.statements.map(\.description).joined(separator: "; ")
            let again = Script(printed)
            if !again.diagnostics.isEmpty || again.statements.map(\.description) != script.statements.map(\.description) {
                found.append("round trip changed `\(printed)` to \(again.statements.map(\.description)) \(again.diagnostics.map(\.summary))")
            }
        }
        for _ in 0..<2 {
            let cursor = Int.random(in: -1...(length + 1), using: &rng)
            let completion = Completer.complete(line, cursor: cursor, names: ["net", "old"], layerPaths: ["net.0"])
            if completion.replacing.lowerBound < 0 || completion.replacing.upperBound > length {
                found.append("completion range \(completion.replacing) outside the line")
            }
        }
        return found
    }

    func run(_ count: Int, seed: UInt64, _ make: (inout SplitMix64) -> String) -> (failures: [String], bad: Int) {
        var rng = SplitMix64(seed: seed)
        var failures = [String](), bad = 0
        for _ in 0..<count {
            let line = make(&rng)
            let problems = violations(line, &rng)
            if Script(line).hasErrors { bad += 1 }
            if !problems.isEmpty { failures.append("\(line.debugDescription): \(problems)") }
        }
        return (failures, bad)
    }

    @Test func randomTokenSoup() {
        let (failures, bad) = run(3000, seed: 1) { soup(&$0) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(bad > 1000)   // the soup really is mostly bad
    }

    @Test func randomBytes() {
        let (failures, _) = run(1500, seed: 2) { bytes(&$0) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func mutatedExamples() {
        let examples = CommandCatalog.all.flatMap(\.examples) + CommandCatalog.functions.map(\.example)
        let (failures, bad) = run(4000, seed: 3) { mutation(&$0, of: examples) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(bad > 500)
    }

    @Test func wholeScriptsOfMixedLines() {
        var rng = SplitMix64(seed: 4)
        let examples = CommandCatalog.all.flatMap(\.examples)
        for _ in 0..<200 {
            let lines = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                Bool.random(using: &rng) ? examples.randomElement(using: &rng)! : mutation(&rng, of: examples)
            }
            let script = Script(lines.joined(separator: "\n"), name: "fuzz.md", firstLine: 10)
            let text = script.renderedDiagnostics()
            #expect(script.diagnostics.isEmpty == text.isEmpty)
            // A clean line in the script is never lost because of a bad neighbour.
            let cleanLines = lines.filter { Script($0).diagnostics.isEmpty && !Script($0).statements.isEmpty }
            #expect(script.statements.count >= cleanLines.count)
        }
    }

    @Test func pathologicalInputs() {
        var rng = SplitMix64(seed: 5)
        for line in [
            String(repeating: "(", count: 5000),
            String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
            "print " + String(repeating: "-", count: 5000) + "1",
            "print " + String(repeating: "not ", count: 5000) + "true",
            "expect " + Array(repeating: "a", count: 3000).joined(separator: " and "),
            String(repeating: "x", count: 20000),
            String(repeating: "9", count: 5000),
            "\"" + String(repeating: "\\", count: 4001),
            String(repeating: "😀", count: 3000),
            String(repeating: "a, ", count: 3000) + "= load digits",
            "show " + String(repeating: "net.", count: 3000) + "0",
        ] {
            #expect(violations(line, &rng).isEmpty)
        }
    }
}
