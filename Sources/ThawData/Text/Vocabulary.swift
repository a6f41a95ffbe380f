/// A character vocabulary: token ids for characters, plus four special tokens.
///
/// Ids 0...3 are special: `pad` (0, filler after a sequence ends; losses ignore it), `start`
/// (1, begins every sequence, so a language model can be asked for a first letter), `end`
/// (2, ends a word) and `unknown` (3, any character outside the vocabulary). Characters follow
/// from id 4, in Unicode order. Characters are Swift `Character`s, so "é" is one token whether
/// a file spells it as one code point or as "e" plus a combining accent.
///
/// ```swift
/// let v = Vocabulary.words                       // a–z and á é í ñ ó ú ü: 33 letters + 4
/// v.encode("año", length: 6)                     // [1, 4, 33, 18, 2, 0]
/// v.decode([1, 4, 33, 18, 2, 0])                 // "año"
/// ```
public struct Vocabulary: Hashable, Sendable, CustomStringConvertible {
    public static let pad = 0, start = 1, end = 2, unknown = 3
    /// How many ids come before the first character.
    public static let specialCount = 4
    static let specialNames = ["<pad>", "<start>", "<end>", "<unk>"]

    /// The characters, in id order: `characters[i]` has id `i + 4`.
    public let characters: [Character]
    private let ids: [Character: Int]

    /// A vocabulary of the distinct characters in `characters`, sorted.
    public init<S: Sequence<Character>>(characters: S) {
        self.characters = Array(Set(characters)).sorted()
        var ids: [Character: Int] = [:]
        for (i, c) in self.characters.enumerated() { ids[c] = i + Vocabulary.specialCount }
        self.ids = ids
    }

    /// The vocabulary of every character that appears in `texts`.
    public static func covering(_ texts: [String]) -> Vocabulary {
        var seen = Set<Character>()
        for text in texts { seen.formUnion(text) }
        return Vocabulary(characters: seen)
    }

    /// The shared vocabulary of the English and Spanish word lists: one embedding table serves
    /// both languages, which is what lets a model trained on one be fine-tuned on the other.
    public static let words = Vocabulary(characters: "abcdefghijklmnopqrstuvwxyzáéíñóúü")

    /// The number of ids, special tokens included: the size of an embedding or output layer.
    public var size: Int { characters.count + Vocabulary.specialCount }

    /// The id of a character (`unknown` if it is not in the vocabulary).
    public func id(_ character: Character) -> Int { ids[character] ?? Vocabulary.unknown }

    public func contains(_ character: Character) -> Bool { ids[character] != nil }

    /// How an id reads: its character, or a name like "<end>".
    public func token(_ id: Int) -> String {
        if id < Vocabulary.specialCount { return Vocabulary.specialNames[id] }
        return String(characters[id - Vocabulary.specialCount])
    }

    /// The ids of a text's characters, with no special tokens.
    public func encode(_ text: String) -> [Int] { text.map(id) }

    /// `start`, the text's ids and `end`, padded with `pad` to exactly `length` ids; `nil` if
    /// the text does not fit.
    public func encode(_ text: String, length: Int) -> [Int]? {
        var ids = [Vocabulary.start] + encode(text) + [Vocabulary.end]
        guard ids.count <= length else { return nil }
        ids += repeatElement(Vocabulary.pad, count: length - ids.count)
        return ids
    }

    /// The text that ids spell: stops at `end`, skips `pad` and `start`, shows `unknown` as "?".
    public func decode<C: Collection<Int>>(_ ids: C) -> String {
        var text = ""
        for id in ids {
            switch id {
            case Vocabulary.end: return text
            case Vocabulary.pad, Vocabulary.start: continue
            case Vocabulary.unknown: text.append("?")
            default: text.append(characters[id - Vocabulary.specialCount])
            }
        }
        return text
    }

    public var description: String {
        "\(size) tokens: 4 special (<pad> <start> <end> <unk>) and \(characters.count) characters \"\(String(characters))\""
    }
}
