/// Column arithmetic for terminal text: how many cells a string takes, padding and trimming.
enum TextLayout {
    /// Terminal cells taken by `text`: one per character, two for East Asian wide characters
    /// and emoji. Escape codes are never measured (the renderer pads before colouring).
    static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            total += isWide(scalar.value) ? 2 : 1
        }
        return total
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
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
