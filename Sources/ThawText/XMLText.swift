/// Text made safe for XML and HTML, content and attributes alike: the SVG plots, the
/// notebook's HTML tables and the JUnit grade report all escape through here.
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` escaped; characters XML 1.0 forbids even escaped (most
    /// control characters, such as the ESC of a coloured message, and U+FFFE/U+FFFF) dropped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
