/// Which Unicode scalars may appear where. Names may use any letters (`modèle`, `ñandú`),
/// so the rules ask Unicode rather than listing ASCII ranges; ASCII is tested first
/// because it is nearly everything a learner types.
extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    var isNameStart: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
        return properties.isAlphabetic
    }

    var isNameContinue: Bool {
        if isASCII { return isNameStart || isASCIIDigit }
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A layer-path segment may also hold `*`, the glob that matches any text.
    var isSegmentCharacter: Bool { isNameContinue || self == "*" }

    /// Blanks between tokens; a line break is a token of its own. The byte-order mark
    /// counts as blank so that a script saved by a Windows editor still parses.
    var isBlank: Bool {
        if self == "\n" { return false }
        if self == " " || self == "\t" || self == "\r" || self == "\u{FEFF}" { return true }
        return properties.isWhitespace
    }
}
