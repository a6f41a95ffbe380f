import CEditLine

/// How the shell splits a line into words for tab completion, shared with backends so both
/// agree on which word is being completed.
enum ShellCompletion {
    /// The characters that end a word. `.` and `/` are absent on purpose: layer paths
    /// (`net.blocks.0.attn.q`) and file paths complete as one word. Mirrors the C side.
    static let wordBreaks: Set<Character> = Set(String(cString: thaw_completion_word_breaks()))

    /// The word that ends at `cursor` (a UTF-8 byte offset into `line`), and where it starts.
    static func word(in line: String, cursor: Int) -> (word: String, start: Int) {
        let bytes = Array(line.utf8.prefix(max(0, cursor)))
        var start = bytes.count
        while start > 0, !wordBreaks.contains(Character(Unicode.Scalar(bytes[start - 1]))) {
            start -= 1
        }
        // Break characters are all ASCII, so `start` never splits a multi-byte character.
        return (String(decoding: bytes[start...], as: UTF8.self), start)
    }

    /// The words before the one being completed (e.g. to know which command is being typed).
    static func precedingWords(in line: String, cursor: Int) -> [String] {
        let start = word(in: line, cursor: cursor).start
        let before = String(decoding: Array(line.utf8.prefix(start)), as: UTF8.self)
        return before.split(whereSeparator: { wordBreaks.contains($0) }).map(String.init)
    }
}
