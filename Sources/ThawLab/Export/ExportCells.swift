import Foundation

/// What every export does with a transcript before writing it.
enum ExportCells {
    /// The transcript's cells, with a `# title` Markdown cell first unless the transcript
    /// already opens with a level-one heading (a lesson does; a shell session does not).
    static func cells(of transcript: Transcript) -> [Transcript.Cell] {
        let title = transcript.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return transcript.cells }
        if case .markdown(let prose)? = transcript.cells.first,
           prose.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("# ") {
            return transcript.cells
        }
        return [.markdown("# " + title)] + transcript.cells
    }

    /// 64-bit FNV-1a of the text's UTF-8 bytes: a stable hash (Swift's `hashValue` is seeded
    /// per process, so it cannot name anything that is written to a file).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// `text` with trailing newlines and spaces at its end removed.
    static func trimEnd(_ text: String) -> String {
        var s = Substring(text)
        while let last = s.last, last == "\n" || last == "\r\n" || last == " " || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
