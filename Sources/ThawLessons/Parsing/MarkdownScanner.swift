/// Splits a lesson's Markdown into front matter, prose and `thaw` fenced blocks, keeping the
/// line number of everything.
///
/// Fences follow CommonMark: up to three spaces of indentation, then three or more backticks
/// or tildes; the closing fence uses the same character, at least as many, and nothing else.
/// Fences whose info string does not start with the word `thaw` stay in the prose, and are
/// still tracked, so that a ```` ```thaw ```` example shown inside a longer fence is not run.
struct MarkdownScanner {
    struct FrontMatter {
        var fields: [String: String] = [:]
        /// The line each field is on, for messages.
        var lines: [String: Int] = [:]
    }

    enum Piece: Equatable {
        case prose(String, line: Int)
        /// `info` is the whole info string (`thaw exercise id=x`); `line` is the opening fence's.
        case block(info: String, body: String, line: Int)
    }

    let file: String
    private(set) var problems: [LessonError.Problem] = []

    init(file: String) { self.file = file }

    /// Splits `text`. Problems (an unclosed fence or front matter) are collected in `problems`.
    mutating func scan(_ text: String) -> (FrontMatter?, [Piece]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var index = 0
        let front = frontMatter(lines, &index)
        return (front, pieces(lines, from: index))
    }

    private mutating func frontMatter(_ lines: [String], _ index: inout Int) -> FrontMatter? {
        guard lines.first?.trimmingTrailingBlanks == "---" else { return nil }
        var front = FrontMatter()
        for i in 1..<lines.count {
            let line = lines[i]
            if line.trimmingTrailingBlanks == "---" || line.trimmingTrailingBlanks == "..." {
                index = i + 1
                return front
            }
            if line.trimmingBlanks.isEmpty || line.trimmingBlanks.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(.init(file: file, line: i + 1, message: "front matter lines are `key: value`, not `\(line)`"))
                continue
            }
            let key = line[..<colon].trimmingBlanks
            var value = line[line.index(after: colon)...].trimmingBlanks
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            front.fields[key] = value
            front.lines[key] = i + 1
        }
        problems.append(.init(file: file, line: 1, message: "the front matter opened here is never closed with `---`"))
        index = lines.count
        return front
    }

    private mutating func pieces(_ lines: [String], from start: Int) -> [Piece] {
        var pieces: [Piece] = []
        var prose: [String] = [], proseLine = start + 1
        func addProse(_ line: String, at i: Int) {
            if prose.isEmpty { proseLine = i + 1 }
            prose.append(line)
        }
        // The fence we are inside, if any: its character, length, indentation, and whether
        // it is a thaw block (collected) or prose (copied through).
        var open: (fence: Fence, line: Int, isThaw: Bool, body: [String])?

        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingBlankLines
            if !text.isEmpty {
                let leading = prose.prefix { $0.trimmingBlanks.isEmpty }.count
                pieces.append(.prose(text, line: proseLine + leading))
            }
            prose = []
        }

        for i in start..<lines.count {
            let line = lines[i]
            if var current = open {
                if Fence.closes(line, current.fence) {
                    if current.isThaw {
                        pieces.append(.block(info: current.fence.info, body: current.body.joined(separator: "\n"), line: current.line))
                    } else {
                        addProse(line, at: i)
                    }
                    open = nil
                } else {
                    if current.isThaw { current.body.append(current.fence.dedent(line)) } else { addProse(line, at: i) }
                    open = current
                }
                continue
            }
            if let fence = Fence(opening: line) {
                let isThaw = fence.info.split(whereSeparator: \.isBlank).first == "thaw"
                if isThaw { flushProse() } else { addProse(line, at: i) }
                open = (fence, i + 1, isThaw, [])
                continue
            }
            addProse(line, at: i)
        }
        if let current = open {
            let what = current.isThaw ? "the `\(current.fence.info)` block" : "the fenced block"
            problems.append(.init(file: file, line: current.line,
                                  message: "\(what) opened here is never closed with \(String(repeating: current.fence.character, count: current.fence.length))"))
        }
        flushProse()
        return pieces
    }
}

/// An opening code fence.
struct Fence {
    var character: Character
    var length: Int
    var indent: Int
    var info: String

    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let length = rest.prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).trimmingBlanks
        if c == "`", info.contains("`") { return nil }
        (character, self.length, self.indent, self.info) = (c, length, indent, info)
    }

    static func closes(_ line: String, _ fence: Fence) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == fence.character }.count
        return run >= fence.length && rest.dropFirst(run).trimmingBlanks.isEmpty
    }

    /// A body line with up to the fence's indentation removed, as CommonMark does.
    func dedent(_ line: String) -> String {
        let spaces = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(spaces))
    }
}

extension Character {
    var isBlank: Bool { self == " " || self == "\t" }
}

extension StringProtocol {
    var trimmingBlanks: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
    var trimmingTrailingBlanks: String { String(reversed().drop { $0.isWhitespace }.reversed()) }
    /// Without blank lines at the start and the end.
    var trimmingBlankLines: String {
        var lines = String(self).split(separator: "\n" as Character, omittingEmptySubsequences: false).map(String.init)
        while let first = lines.first, first.trimmingBlanks.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingBlanks.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
