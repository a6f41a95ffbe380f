/// One lexical unit of a line, with the exact text it was read from.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A name or bare word: `net`, `train`, `adam`, `on`, `ñandú`.
        case word
        /// Two or more dot-separated segments: `net.0`, `gpt.blocks.*.attn.q`.
        case path
        /// `3`, `0.5`, `1e-3`; a leading `-` is a separate token.
        case number
        /// `"runs/net.safetensors"`; ``Token/stringValue`` holds the text with escapes applied.
        case string
        case equals          // =
        case comma           // ,
        case semicolon       // ;
        case newline
        case leftParen, rightParen
        case leftBracket, rightBracket
        case plus, minus, star, slash
        case less, lessEqual, greater, greaterEqual
        case equalEqual      // ==, also written ≈
        case notEqual        // !=, also written ≠
        case dotDot          // ..  (a range that includes its end)
        case dotDotLess      // ..< (a range that stops before its end)
        /// Text the lexer could not read; it has already reported a diagnostic.
        case invalid
        case end
    }

    public var kind: Kind
    public var range: SourceRange
    /// The source text exactly as written.
    public var text: String
    /// For ``Kind/string`` tokens: the contents with escapes applied.
    public var stringValue: String

    public init(_ kind: Kind, _ text: String, range: SourceRange, stringValue: String = "") {
        self.kind = kind
        self.text = text
        self.range = range
        self.stringValue = stringValue
    }

    /// The value of a ``Kind/number`` token (the lexer only emits finite ones).
    public var numberValue: Double { Double(text) ?? .nan }

    /// True for the tokens that end a statement.
    public var endsStatement: Bool {
        kind == .semicolon || kind == .newline || kind == .end
    }

    /// True when this is the bare word `word`.
    public func isWord(_ word: String) -> Bool { kind == .word && text == word }

    /// How the token reads in a message: `` `net.0` ``, or "the end of the line".
    public var quoted: String {
        switch kind {
        case .newline, .end: "the end of the line"
        default: "`\(text)`"
        }
    }

    public var description: String { "\(kind)(\(text))" }
}
