/// Tab completion for the shell: given the line and the cursor, decide whether a command,
/// an option or a value is being typed, and offer the candidates that fit.
///
///     Completer.complete("train net on old opt a", cursor: 22, names: [], layerPaths: [])
///     // replacing 20..<22, candidates ["adam", "adamw"]
///
/// Only the text before the cursor matters. Layer paths complete one segment at a time,
/// like file paths: `net.` offers `net.0`, `net.1`, `net.head`, not every parameter.
public enum Completer {
    /// Candidates for the word that ends at the cursor, and the UTF-8 byte range of the
    /// line they would replace.
    public struct Completion: Sendable, Hashable {
        public var replacing: Range<Int>
        public var candidates: [String]
    }

    /// - Parameters:
    ///   - line: the whole line being edited.
    ///   - cursor: the cursor as a UTF-8 byte offset into `line` (libedit's `rl_point`);
    ///     clamped into the line.
    ///   - names: the names bound in the workspace.
    ///   - layerPaths: every addressable path, model name first (`net.0`, `net.0.weight`).
    public static func complete(_ line: String, cursor: Int, names: [String], layerPaths: [String]) -> Completion {
        let bytes = Array(line.utf8)
        var end = min(max(cursor, 0), bytes.count)
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }   // a scalar boundary
        let before = String(decoding: bytes[0..<end], as: UTF8.self)
        let partial = String(before.unicodeScalars.reversed().prefix { $0.isSegmentCharacter || $0 == "." }.reversed()
            .map(Character.init))
        let start = end - partial.utf8.count
        let none = Completion(replacing: start..<end, candidates: [])
        if let first = partial.unicodeScalars.first, first.isASCIIDigit || first == "." { return none }

        let context = String(decoding: bytes[0..<start], as: UTF8.self)
        guard let tokens = statementTokens(context) else { return none }
        let wanted = Wanted(tokens: tokens)
        var candidates = [String]()
        if wanted.command {
            candidates = CommandCatalog.namesAndAliases
        } else if let spec = wanted.spec {
            candidates = wanted.options(in: spec)
            for (type, suggestions) in wanted.values(in: spec) {
                candidates += values(of: type, suggestions: suggestions, names: names)
            }
        }
        if partial.contains("."), wanted.acceptsPaths {
            candidates = pathCandidates(partial, names: names, layerPaths: layerPaths)
        }
        let matching = Set(candidates.filter { $0.hasPrefix(partial) })
        return Completion(replacing: start..<end, candidates: matching.sorted())
    }

    /// The tokens of the statement being typed, or nil when the cursor is inside a string
    /// or a comment, where nothing should be offered.
    static func statementTokens(_ context: String) -> [Token]? {
        let source = SourceFile(context)
        let (tokens, _) = Lexer.tokenize(source)
        let real = tokens.dropLast()   // the end token
        if let last = real.last, last.kind == .invalid, last.text.hasPrefix("\"") { return nil }
        let tail = source.text(in: SourceRange((real.last?.range.end.offset ?? 0)..<source.length))
        if tail.contains("#") { return nil }
        let statementStart = real.lastIndex { $0.kind == .semicolon || $0.kind == .newline }.map { $0 + 1 } ?? real.startIndex
        return Array(real[statementStart...])
    }

    static func values(of type: ValueType, suggestions: [String], names: [String]) -> [String] {
        switch type {
        case .model, .dataset, .run, .snapshot, .name, .layers: names
        case .condition, .expression: names + CommandCatalog.functions.map(\.name)
        case .choice(let words): words
        case .flag: ["on", "off"]
        case .topic: CommandCatalog.namesAndAliases + CommandCatalog.functions.map(\.name)
        default: suggestions
        }
    }

    /// Paths that extend `partial` by exactly one segment (or finish its last one).
    static func pathCandidates(_ partial: String, names: [String], layerPaths: [String]) -> [String] {
        let depth = partial.split(separator: ".", omittingEmptySubsequences: false).count
        return (layerPaths + names).compactMap { path in
            guard path.hasPrefix(partial) else { return nil }
            let segments = path.split(separator: ".", omittingEmptySubsequences: false)
            guard segments.count >= depth else { return nil }
            return segments.prefix(depth).joined(separator: ".")
        }
    }
}

extension CommandCatalog {
    /// The candidates of ``Completer/complete(_:cursor:names:layerPaths:)``, for a shell
    /// that only needs the words.
    public static func completions(for line: String, cursor: Int, names: [String], layerPaths: [String]) -> [String] {
        Completer.complete(line, cursor: cursor, names: names, layerPaths: layerPaths).candidates
    }
}
