/// The multi-character tokens: names and layer paths, numbers, strings, and the mistakes
/// a learner is likely to make while typing them.
extension Lexer {
    /// `net`, `net.0`, `gpt.blocks.*.attn.q`. A dot continues the path only when a segment
    /// follows it, so `net..` and `1..5` stay ranges.
    mutating func scanWordOrPath() -> Token {
        let start = index
        while let scalar = peek(), scalar.isNameContinue { index += 1 }
        var isPath = false
        while peek() == ".", let next = peek(1), next.isSegmentCharacter {
            isPath = true
            index += 1
            while let scalar = peek(), scalar.isSegmentCharacter { index += 1 }
        }
        return make(isPath ? .path : .word, from: start)
    }

    /// `3`, `0.5`, `1e-3`, `2.5E+4`. No sign: `-` is a token so that `a-1` is a subtraction.
    mutating func scanNumber() -> Token {
        let start = index
        skipDigits()
        if peek() == ".", let next = peek(1), next.isASCIIDigit {
            index += 1
            skipDigits()
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let digit = peek(signed ? 2 : 1), digit.isASCIIDigit {
                index += signed ? 2 : 1
                skipDigits()
            }
        }
        if let next = peek(), next.isNameContinue {
            while let scalar = peek(), scalar.isNameContinue { index += 1 }
            return invalid(from: start, "`\(text(start, index))` is not a number",
                           suggestion: .init("names start with a letter; numbers look like `3`, `0.5` or `1e-3`"))
        }
        let token = make(.number, from: start)
        guard token.numberValue.isFinite else {
            return invalid(from: start, "`\(token.text)` is too large for a number")
        }
        return token
    }

    mutating func skipDigits() {
        while let scalar = peek(), scalar.isASCIIDigit { index += 1 }
    }

    /// `..` and `..<` make ranges; `...` (Swift's spelling) and `.5` get a suggestion.
    mutating func scanDot() -> Token {
        let start = index
        if peek(1) == "." {
            if peek(2) == "<" { index += 3; return make(.dotDotLess, from: start) }
            if peek(2) == "." {
                index += 3
                return invalid(from: start, "unexpected `...`",
                               suggestion: .init("a range is written `0..5` (with its end) or `0..<5` (without)",
                                                 replacement: ".."))
            }
            index += 2
            return make(.dotDot, from: start)
        }
        index += 1
        if let digit = peek(), digit.isASCIIDigit {
            skipDigits()
            let digits = text(start + 1, index)
            return invalid(from: start, "a number cannot start with `.`",
                           suggestion: .init("write `0.\(digits)`", replacement: "0.\(digits)"))
        }
        if previous == .word || previous == .path, start > 0, scalars[start - 1].isNameContinue {
            return invalid(from: start, "expected a layer name after `.`",
                           suggestion: .init("layer paths look like `net.0` or `net.blocks.*.attn`"))
        }
        return invalid(from: start, "unexpected `.`")
    }

    /// A double-quoted string with escapes `\"`, `\\`, `\n`, `\t`, `\r`, `\0` and `\u{hex}`.
    /// It must close on the same line.
    mutating func scanString() -> Token {
        let start = index
        index += 1
        var value = String.UnicodeScalarView()
        var valid = true
        while let scalar = peek(), scalar != "\n" {
            if scalar == "\"" {
                index += 1
                return valid ? make(.string, from: start, stringValue: String(value))
                             : make(.invalid, from: start)
            }
            if scalar == "\\" {
                if let escaped = scanEscape() { value.append(escaped) } else { valid = false }
            } else {
                value.append(scalar)
                index += 1
            }
        }
        let token = make(.invalid, from: start)
        diagnostics.append(.error("this string has no closing `\"`", at: token.range,
                                  suggestion: .init("add a `\"` where the string ends")))
        return token
    }

    /// Reads one escape sequence at `index` (which holds the backslash); nil after
    /// reporting a bad one.
    mutating func scanEscape() -> Unicode.Scalar? {
        let start = index
        index += 1
        guard let code = peek(), code != "\n" else { return nil }   // reported as unterminated
        index += 1
        switch code {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "0": return "\0"
        case "\"", "\\": return code
        case "u":
            if peek() == "{" {
                let digitsStart = index + 1
                var end = digitsStart
                while end < scalars.count, end - digitsStart <= 8, scalars[end].properties.isASCIIHexDigit { end += 1 }
                if end < scalars.count, scalars[end] == "}", end > digitsStart,
                   let number = UInt32(text(digitsStart, end), radix: 16),
                   let scalar = Unicode.Scalar(number) {
                    index = end + 1
                    return scalar
                }
            }
            diagnostics.append(.error("`\\u` needs a Unicode scalar in braces, like `\\u{E9}`",
                                      at: range(start, index)))
            return nil
        default:
            diagnostics.append(.error("unknown escape `\(text(start, index))` in a string", at: range(start, index),
                                      suggestion: .init("write `\\\\` for a backslash", replacement: "\\\\")))
            return nil
        }
    }

    /// Single and curly quotes: say which quote to use, and skip to the matching close so
    /// the rest of the line is not read as code.
    mutating func scanWrongQuote() -> Token {
        let start = index
        let closers: Set<Unicode.Scalar> = ["'", "‘", "’", "“", "”"]
        index += 1
        while let scalar = peek(), scalar != "\n" {
            index += 1
            if closers.contains(scalar) { break }
        }
        let body = String(text(start, index).unicodeScalars.filter { !closers.contains($0) })
        return invalid(from: start, "strings are written in straight double quotes",
                       suggestion: .init("write `\"\(body)\"`", replacement: "\"\(body)\""))
    }

    /// `--epochs 8`: a habit from other command lines. Options here are bare words.
    mutating func scanDashedOption() -> Token {
        let start = index
        index += 2
        let nameStart = index
        while let scalar = peek(), scalar.isNameContinue { index += 1 }
        let name = text(nameStart, index)
        return invalid(from: start, "options are written without dashes",
                       suggestion: .init("write `\(name)`", replacement: name))
    }

    /// A character that starts no token. Consecutive non-ASCII symbols (an emoji with its
    /// joiners and modifiers) are reported once, as one unit.
    mutating func scanUnexpected() -> Token {
        let start = index
        index += 1
        if !scalars[start].isASCII {
            while let scalar = peek(), !scalar.isASCII, !scalar.isNameStart, !scalar.isBlank { index += 1 }
        }
        let scalar = scalars[start]
        let printable = scalar.properties.generalCategory != .control && scalar.properties.generalCategory != .format
        let shown = printable ? "`\(text(start, index))`"
                              : "character U+\(String(scalar.value, radix: 16, uppercase: true))"
        return invalid(from: start, "unexpected \(shown)")
    }
}
