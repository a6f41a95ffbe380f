import ThawText

/// Column arithmetic for terminal text: how many cells a string takes, padding and trimming.
enum TextLayout {
    /// Terminal cells taken by `text` (`DisplayWidth`: two for East Asian wide characters and
    /// emoji). Escape codes are never measured (the renderer pads before colouring).
    static func width(_ text: some StringProtocol) -> Int {
        DisplayWidth.of(text)
    }

    /// Cells a line takes on screen: like `width`, with colour escapes (`ESC [ … m`) skipped.
    static func visibleWidth(_ line: String) -> Int {
        var cells = 0, inEscape = false
        for character in line {
            if character == "\u{1B}" { inEscape = true } else if inEscape { inEscape = !character.isLetter } else {
                cells += DisplayWidth.of(character)
            }
        }
        return cells
    }

    /// `line` cut to `width` cells, its last cell `…`, when it is wider: whole characters
    /// only; colour escapes are kept and not counted, and a cut coloured line ends in a reset.
    static func clip(_ line: String, to width: Int, paint: TerminalPaint) -> String {
        guard visibleWidth(line) > width else { return line }
        var out = "", cells = 0, inEscape = false
        for character in line {
            if character == "\u{1B}" { inEscape = true } else if inEscape { inEscape = !character.isLetter } else {
                let w = DisplayWidth.of(character)
                if cells + w > width - 1 { break }
                cells += w
            }
            out.append(character)
        }
        return out + "…" + (paint.enabled ? TerminalPaint.reset : "")
    }

    /// `text` padded with spaces on the right (left-aligned) or left (right-aligned) to `width`.
    static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - self.width(text)))
        return right ? fill + text : text + fill
    }

    /// `text` centred in `width` columns (extra space goes right); never cut.
    static func center(_ text: String, in width: Int) -> String {
        let left = max(0, (width - self.width(text)) / 2)
        return String(repeating: " ", count: left) + text
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Lines split on `\n` (a trailing newline gives no extra empty line).
    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts
    }
}
