/// How many terminal cells a Character takes: the one measure for a caret under the right
/// text, a padded table cell and a line cut to the terminal's width.
///
/// Most characters take one cell, accents included (they are part of their Character).
/// East Asian wide characters and emoji take two. This is the usual `wcwidth` rule,
/// approximated with the Unicode properties the standard library exposes.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.isASCII { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        // An emoji written with VS16 (U+FE0F) asks for emoji presentation too.
        if character.unicodeScalars.contains("\u{FE0F}"), scalar.properties.isEmoji { return 2 }
        return isWide(scalar.value) ? 2 : 1
    }

    public static func of(_ text: some Sequence<Character>) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The East Asian Wide and Fullwidth blocks.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` cells, whole characters only (never inside a multi-byte
    /// one), ending in `…` when anything was cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = "", used = 0
        for character in text {
            let cells = of(character)
            if used + cells > width - 1 { break }
            out.append(character)
            used += cells
        }
        return width > 0 ? out + "…" : ""
    }
}
