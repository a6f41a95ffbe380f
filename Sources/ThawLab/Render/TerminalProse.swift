import ThawText

/// Markdown prose (a lesson's text) for the terminal.
///
/// Emphasis is shown as styling when colour is on (`**bold**` bold, `*em*` italic, `` `code` ``
/// in the code colour) and as its bare text when it is off: the markers never reach the
/// screen. With a width, each paragraph and list item is re-flowed to it at word boundaries,
/// list items with a hanging indent. Headings are bold; fenced code and tables stay as written.
struct TerminalProse {
    let width: Int?
    let paint: TerminalPaint

    func render(_ markdown: String) -> String {
        blocks(markdown).flatMap(render).joined(separator: "\n")
    }

    /// A stretch of prose laid out as one unit.
    enum Block: Equatable {
        /// Shown exactly as written (code, tables, blank lines).
        case verbatim(String)
        /// Text to flow: the indent of its first line and of the lines after it.
        case flow(text: String, indent: Int, hanging: Int, heading: Bool)
    }

    func blocks(_ markdown: String) -> [Block] {
        var blocks: [Block] = []
        var inFence = false
        for line in TextLayout.lines(markdown) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || trimmed.hasPrefix("|") || trimmed.isEmpty {
                blocks.append(.verbatim(line))
            } else if trimmed.hasPrefix("#") {
                // The heading's text, bold: the `#` markers are Markdown, not something to read.
                let title = trimmed.drop { $0 == "#" }.drop { $0 == " " }
                blocks.append(.flow(text: String(title), indent: indent, hanging: indent, heading: true))
            } else if let marker = Self.listMarker(trimmed) {
                blocks.append(.flow(text: String(trimmed), indent: indent, hanging: indent + marker, heading: false))
            } else if width != nil, case let .flow(text, first, hanging, false)? = blocks.last {
                // Without a width the author's line breaks stay; with one, the paragraph re-flows.
                blocks[blocks.count - 1] = .flow(text: text + " " + trimmed, indent: first, hanging: hanging, heading: false)
            } else {
                blocks.append(.flow(text: String(trimmed), indent: indent, hanging: indent, heading: false))
            }
        }
        return blocks
    }

    /// The width of a list item's marker and the space after it (`- `, `* `, `12. `), if any.
    static func listMarker(_ line: Substring) -> Int? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return 2 }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return digits.count + 2 }
        return nil
    }

    func render(_ block: Block) -> [String] {
        switch block {
        case let .verbatim(line):
            return [line]
        case let .flow(text, indent, hanging, heading):
            let styled = MarkdownInline.parse(text, base: heading ? .bold : .plain)
            let pieces = width.map { TextWrap.breaks(styled.characters, first: $0 - indent, rest: $0 - hanging) }
                ?? [0..<styled.characters.count]
            return pieces.enumerated().map { i, range in
                String(repeating: " ", count: i == 0 ? indent : hanging) + styled.painted(range, paint)
            }
        }
    }
}

/// Markdown's inline emphasis resolved into characters and the style of each, markers removed.
struct MarkdownInline {
    enum Style: Equatable { case plain, bold, emphasis, code }

    var characters: [Character] = []
    var styles: [Style] = []

    static func parse(_ text: String, base: Style = .plain) -> MarkdownInline {
        var result = MarkdownInline()
        result.append(Array(text)[...], base: base)
        return result
    }

    private mutating func append(_ c: ArraySlice<Character>, base: Style) {
        var i = c.startIndex
        while i < c.endIndex {
            // `code`: literal, nothing inside it is markup.
            if c[i] == "`", let end = c[(i + 1)...].firstIndex(of: "`") {
                add(c[(i + 1)..<end], .code)
                i = end + 1
            } else if c[i] == "*", i + 2 < c.endIndex, c[i + 1] == "*", c[i + 2] != " ",
                      let end = Self.closing(["*", "*"], in: c, after: i + 2) {
                append(c[(i + 2)..<end], base: .bold)
                i = end + 2
            } else if c[i] == "*" || c[i] == "_", i + 1 < c.endIndex, c[i + 1] != " ", c[i + 1] != c[i],
                      i == c.startIndex || !Self.isWordCharacter(c[i - 1]),
                      let end = Self.closing([c[i]], in: c, after: i + 1),
                      end + 1 == c.endIndex || !Self.isWordCharacter(c[end + 1]) {
                append(c[(i + 1)..<end], base: base == .bold ? .bold : .emphasis)
                i = end + 1
            } else {
                add(c[i...i], base)
                i += 1
            }
        }
    }

    private mutating func add(_ piece: ArraySlice<Character>, _ style: Style) {
        characters += piece
        styles += Array(repeating: style, count: piece.count)
    }

    /// Where `marker` closes a span opened before `start`: not right after a space, so that
    /// `2 * 3 * 4` stays arithmetic.
    static func closing(_ marker: [Character], in c: ArraySlice<Character>, after start: Int) -> Int? {
        var k = start + 1
        while k + marker.count <= c.endIndex {
            if Array(c[k..<(k + marker.count)]) == marker, c[k - 1] != " " { return k }
            k += 1
        }
        return nil
    }

    /// Letters and digits: `_` inside `snake_case` or `*` in `a*b` is not emphasis.
    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The characters in `range`, each run of one style painted as that style.
    func painted(_ range: Range<Int>, _ paint: TerminalPaint) -> String {
        var out = "", index = range.lowerBound
        while index < range.upperBound {
            let style = styles[index]
            var end = index
            while end < range.upperBound, styles[end] == style { end += 1 }
            let text = String(characters[index..<end])
            switch style {
            case .plain: out += text
            case .bold: out += paint.bold(text)
            case .emphasis: out += paint.italic(text)
            case .code: out += paint.code(text)
            }
            index = end
        }
        return out
    }
}
