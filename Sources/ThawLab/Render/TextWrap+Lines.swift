import ThawText

extension TextWrap {
    /// `text` wrapped to `width`: each of its lines separately, a continuation indented as
    /// far as the line it continues, plus `hang` (so that a wrapped command reads as one).
    /// With no width, the lines as they are.
    static func lines(_ text: String, width: Int?, hang: Int = 0) -> [String] {
        guard let width else { return TextLayout.lines(text) }
        return TextLayout.lines(text).flatMap { line -> [String] in
            let characters = Array(line)
            let indent = String(repeating: " ", count: min(width / 2, characters.prefix { $0 == " " }.count + hang))
            let pieces = breaks(characters, first: width, rest: width - indent.count)
            return pieces.enumerated().map { i, range in (i == 0 ? "" : indent) + String(characters[range]) }
        }
    }
}
