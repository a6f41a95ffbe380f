import ThawText

/// Draws diagnostics as plain text, with the source line and a caret under the range:
///
///     error: unknown command `frezee`
///       frezee net.0
///       ^~~~~~
///     did you mean `freeze`?
///
/// A script of several lines adds the line number (`line 3: error: …`), a named source
/// adds its name (`03-lora.md:42:7: error: …`). Colour is the shell's business: it passes
/// a `style` function that wraps each part, and gets plain text by default.
public struct DiagnosticRenderer: Sendable {
    /// The parts of a rendered diagnostic, for styling.
    public enum Part: Sendable, Hashable {
        case location
        case severity(Diagnostic.Severity)
        case message
        case sourceLine
        case caret
        case suggestion
        case note
    }

    public var style: @Sendable (String, Part) -> String
    /// Source lines wider than this many cells are cut around the range.
    public var maximumWidth: Int
    /// So that the excerpt (indented two, with a `…` at each cut) fits the narrowest
    /// terminal Thaw lays out for.
    public static let defaultWidth = TerminalWidth.fallback - 4

    public init(maximumWidth: Int = DiagnosticRenderer.defaultWidth, style: @escaping @Sendable (String, Part) -> String = { text, _ in text }) {
        self.maximumWidth = maximumWidth
        self.style = style
    }

    /// Plain text, no colour.
    public static let plain = DiagnosticRenderer()

    /// One diagnostic, as lines joined by `\n` (no trailing newline).
    public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        var lines = [header(diagnostic, in: source)]
        lines += excerpt(diagnostic.range, in: source)
        if let suggestion = diagnostic.suggestion {
            lines.append(style(ControlCharacters.visible(suggestion.message), .suggestion))
        }
        for note in diagnostic.notes {
            lines.append(style("note: " + ControlCharacters.visible(note.message), .note))
            if let range = note.range, range != diagnostic.range {
                lines += excerpt(range, in: source)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Several diagnostics, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        diagnostics.map { render($0, in: source) }.joined(separator: "\n\n")
    }

    func header(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let position = source.position(of: diagnostic.range.start)
        var location = ""
        if let name = source.name {
            location = "\(name):\(position.line):\(position.column): "
        } else if !source.isSingleLine || source.firstLine != 1 {
            location = "line \(position.line): "
        }
        let severity = diagnostic.severity.rawValue + ":"
        return (location.isEmpty ? "" : style(location, .location))
            + style(severity, .severity(diagnostic.severity)) + " " + style(ControlCharacters.visible(diagnostic.message), .message)
    }

    /// The source line, indented two spaces, and the caret line under it. A range that
    /// runs past the end of its line is underlined to the end of that line.
    func excerpt(_ range: SourceRange, in source: SourceFile) -> [String] {
        let (lineText, lineStart) = source.line(containing: range.start)
        let line = lineText.map(Self.printable)
        let lineBytes = lineText.utf8.count
        let startByte = min(max(range.start.offset - lineStart, 0), lineBytes)
        let endByte = min(max(range.end.offset - lineStart, startByte), lineBytes)
        // Columns in cells: the text before the range, and the text inside it.
        let before = DisplayWidth.of(Self.prefix(of: lineText, bytes: startByte).map(Self.printable))
        let inside = DisplayWidth.of(Self.prefix(of: lineText, bytes: endByte).map(Self.printable)) - before
        var shown = line
        var column = before
        if DisplayWidth.of(line) > maximumWidth {
            (shown, column) = window(line, caretColumn: before)
        }
        let width = max(1, min(inside, maximumWidth))
        let caret = String(repeating: " ", count: column) + "^" + String(repeating: "~", count: width - 1)
        return [style("  " + String(shown), .sourceLine), style("  " + caret, .caret)]
    }

    /// Cuts a long line to about `maximumWidth` cells around the caret, marking cuts with `…`.
    func window(_ line: [Character], caretColumn: Int) -> ([Character], Int) {
        var start = 0, cells = 0
        // Keep a third of the width before the caret, but use the whole width when the
        // caret is near the end of the line.
        let skip = min(caretColumn - maximumWidth / 3, DisplayWidth.of(line) - maximumWidth)
        while start < line.count, cells + DisplayWidth.of(line[start]) <= skip {
            cells += DisplayWidth.of(line[start])
            start += 1
        }
        var end = start, used = 0
        while end < line.count, used + DisplayWidth.of(line[end]) <= maximumWidth {
            used += DisplayWidth.of(line[end])
            end += 1
        }
        var shown = Array(line[start..<end])
        var column = caretColumn - cells
        if start > 0 { shown.insert("…", at: 0); column += 1 }
        if end < line.count { shown.append("…") }
        return (shown, column)
    }

    /// The first `bytes` UTF-8 bytes of `text` as Characters (a cut inside a Character
    /// is repaired by the decoder rather than trapping).
    static func prefix(of text: String, bytes: Int) -> [Character] {
        Array(String(decoding: Array(text.utf8.prefix(bytes)), as: UTF8.self))
    }

    /// Tabs and control characters would move or garble the caret line; show them as one
    /// cell each.
    static func printable(_ character: Character) -> Character {
        if character == "\t" { return " " }
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
           scalar.properties.generalCategory == .control {
            return "\u{FFFD}"
        }
        return character
    }
}

extension Diagnostic {
    /// Plain rendering against the source it came from.
    public func rendered(in source: SourceFile) -> String {
        DiagnosticRenderer.plain.render(self, in: source)
    }
}
