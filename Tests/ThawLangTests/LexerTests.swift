import Testing
import ThawLang

/// The kinds and texts of a line's tokens, without the end token.
func lex(_ text: String) -> [String] {
    Lexer.tokenize(SourceFile(text)).tokens.dropLast().map { "\($0.kind):\($0.text)" }
}

func lexErrors(_ text: String) -> [String] {
    Lexer.tokenize(SourceFile(text)).diagnostics.map(\.summary)
}

@Suite("Lexer")
struct LexerTests {
    @Test func wordsPathsAndGlobs() {
        #expect(lex("freeze net.0 gpt.blocks.*.attn.q net_2") ==
                ["word:freeze", "path:net.0", "path:gpt.blocks.*.attn.q", "word:net_2"])
    }

    @Test func namesMayUseAnyLetters() {
        #expect(lex("modèle = ñandú") == ["word:modèle", "equals:=", "word:ñandú"])
    }

    @Test func numbers() {
        #expect(lex("3 0.5 1e-3 2.5E+4 007") ==
                ["number:3", "number:0.5", "number:1e-3", "number:2.5E+4", "number:007"])
        let tokens = Lexer.tokenize(SourceFile("1e-3")).tokens
        #expect(tokens[0].numberValue == 0.001)
    }

    @Test func minusIsItsOwnToken() {
        #expect(lex("-2 a-1") == ["minus:-", "number:2", "word:a", "minus:-", "number:1"])
    }

    @Test func rangesDoNotSwallowTheirDots() {
        #expect(lex("0..5 0..<5 net..3") ==
                ["number:0", "dotDot:..", "number:5", "number:0", "dotDotLess:..<", "number:5",
                 "word:net", "dotDot:..", "number:3"])
    }

    @Test func stringsWithEscapes() {
        let tokens = Lexer.tokenize(SourceFile(#""a\"b\\c\n\t\u{E9}""#)).tokens
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].stringValue == "a\"b\\c\n\té")
    }

    @Test func operatorsIncludingUnicodeSpellings() {
        #expect(lex("< <= > >= == != ≤ ≥ ≠ ≈ + - * / −").map { $0.split(separator: ":")[0] } ==
                ["less", "lessEqual", "greater", "greaterEqual", "equalEqual", "notEqual",
                 "lessEqual", "greaterEqual", "notEqual", "equalEqual", "plus", "minus", "star", "slash", "minus"])
    }

    @Test func punctuationNewlinesAndComments() {
        #expect(lex("seed 1; a = [x, y] # a comment\n(b)") ==
                ["word:seed", "number:1", "semicolon:;", "word:a", "equals:=", "leftBracket:[", "word:x",
                 "comma:,", "word:y", "rightBracket:]", "newline:\n", "leftParen:(", "word:b", "rightParen:)"])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let tokens = Lexer.tokenize(SourceFile("ñ x")).tokens
        #expect(tokens[0].range == SourceRange(0..<2))
        #expect(tokens[1].range == SourceRange(3..<4))
        #expect(tokens[2].kind == .end && tokens[2].range == SourceRange(4..<4))
    }

    @Test func mistakesBecomeInvalidTokensWithAdvice() {
        #expect(lexErrors("\"open") == ["this string has no closing `\"` — add a `\"` where the string ends"])
        #expect(lexErrors("'x'") == ["strings are written in straight double quotes — write `\"x\"`"])
        #expect(lexErrors("--epochs") == ["options are written without dashes — write `epochs`"])
        #expect(lexErrors(".5") == ["a number cannot start with `.` — write `0.5`"])
        #expect(lexErrors("1...5") == ["unexpected `...` — a range is written `0..5` (with its end) or `0..<5` (without)"])
        #expect(lexErrors("3rd") == ["`3rd` is not a number — names start with a letter; numbers look like `3`, `0.5` or `1e-3`"])
        #expect(lexErrors("1e400") == ["`1e400` is too large for a number"])
        #expect(lexErrors("a && b") == ["unexpected `&&` — write `and`"])
        #expect(lexErrors("!x") == ["unexpected `!` — write `not` to negate a condition"])
        #expect(lexErrors(#""\q""#) == ["unknown escape `\\q` in a string — write `\\\\` for a backslash"])
        #expect(lexErrors("@") == ["unexpected `@`"])
        #expect(lexErrors("\u{7}") == ["unexpected character U+7"])
    }

    @Test func anEmojiIsReportedOnceAsAUnit() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile("👩‍👩‍👧 x"))
        #expect(diagnostics.count == 1)
        #expect(tokens.map(\.kind) == [.invalid, .word, .end])
    }

    @Test func aByteOrderMarkIsBlank() {
        #expect(lex("\u{FEFF}seed 1") == ["word:seed", "number:1"])
    }
}
