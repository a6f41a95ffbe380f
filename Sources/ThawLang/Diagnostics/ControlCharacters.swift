/// Makes text safe to print on a terminal: control characters become visible escapes.
///
/// Why: messages quote what a learner typed and the names of files, and both can hold
/// terminal escape sequences (a file named `\e]0;pwned\a`, a line pasted from anywhere).
/// Printed raw, they retitle the window, move the cursor or hide text. Every message that
/// quotes user text or a file name goes through this one function, here at the bottom of the
/// language layer so that the shell, the lessons and the CLI all reach it.
///
/// Newlines and tabs stay (messages have several lines). Every other C0 control, DEL, the C1
/// controls (U+0080–U+009F, which some terminals obey like ESC [) and the bidirectional
/// overrides (which reorder what is shown) become `\x1B`-style escapes or `\u{202E}`.
public enum ControlCharacters {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true   // bidi embeddings, overrides, isolates
        default: false
        }
    }
}
