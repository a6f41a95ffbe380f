/// A small JSON value and encoder whose output is byte-for-byte what Jupyter itself writes
/// (`json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)`): keys sorted by code point,
/// one-space indentation, `[]` and `{}` for empty containers, non-ASCII text as is.
/// So a notebook Thaw writes is unchanged when Jupyter saves it again, and the same transcript
/// always gives the same bytes.
enum NotebookJSON: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([NotebookJSON])
    case object([String: NotebookJSON])

    func encoded() -> String {
        var out = ""
        write(to: &out, depth: 0)
        return out
    }

    /// On one line with no indentation: for messages sent one per line (`thaw kernel serve`).
    func compact() -> String {
        switch self {
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            return "{" + keys.map { key in
                var out = ""
                NotebookJSON.writeString(key, to: &out)
                return out + ":" + members[key]!.compact()
            }.joined(separator: ",") + "}"
        default: return encoded()
        }
    }

    func write(to out: inout String, depth: Int) {
        switch self {
        case .string(let s): NotebookJSON.writeString(s, to: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: depth + 1)
                item.write(to: &out, depth: depth + 1)
            }
            out += "\n" + String(repeating: " ", count: depth) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (i, key) in keys.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: depth + 1)
                NotebookJSON.writeString(key, to: &out)
                out += ": "
                members[key]!.write(to: &out, depth: depth + 1)
            }
            out += "\n" + String(repeating: " ", count: depth) + "}"
        }
    }

    /// Escapes as Python's json module does with `ensure_ascii=False`.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }

    /// A multi-line string as nbformat stores it: a list of lines, each keeping its line end,
    /// split where Python's `str.splitlines(keepends=True)` splits.
    static func lines(_ text: String) -> NotebookJSON {
        .array(splitLines(text).map { .string($0) })
    }

    static func splitLines(_ text: String) -> [String] {
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
        var lines: [String] = [], current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            current.append(c)
            if breaks.contains(c.value) {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                    current.append(scalars[i + 1]); i += 1
                }
                lines.append(String(current)); current = String.UnicodeScalarView()
            }
            i += 1
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
