import Foundation

/// A learner's own text: a UTF-8 file of lines (names, sentences, words), for a character
/// language model. Blank lines are skipped; anything that is not UTF-8 text is refused with
/// the line it is on, and nothing is returned.
///
/// ```swift
/// let names = try TextImport.load(URL(fileURLWithPath: "names.txt"), context: 16)
/// ```
public enum TextImport {
    /// The file's non-blank lines, without line terminators.
    public static func lines(_ url: URL) throws -> [String] {
        let lines = try TextFile.lines(of: url).filter { !$0.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { throw DataError(.empty, file: url.path, "the file is empty (no lines with text)") }
        return lines
    }

    /// The lines as next-character data. With no vocabulary, the vocabulary is every character
    /// the file uses; with one (say `Vocabulary.words`, to fine-tune a model trained on the word
    /// lists), characters outside it become `<unk>`.
    public static func load(_ url: URL, context: Int = 32, vocabulary: Vocabulary? = nil) throws -> SequenceData {
        let lines = try lines(url)
        return SequenceData(texts: lines, vocabulary: vocabulary ?? .covering(lines), context: context,
                            name: url.deletingPathExtension().lastPathComponent)
    }
}
