import Foundation

extension Lesson {
    /// Parses a lesson file's text. `fileName` (`01-freezing.md`) names it in messages and
    /// gives the lesson its number and slug. Throws every problem found, with lines.
    public static func parse(_ text: String, fileName: String) throws(LessonError) -> Lesson {
        var parser = LessonParser(file: fileName)
        // A file saved on Windows ends its lines with CRLF; the `\r` would otherwise stick to
        // every line and the front matter's `---` would not be recognised.
        let lesson = parser.parse(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if !parser.problems.isEmpty { throw LessonError(parser.problems) }
        return lesson
    }

    /// Reads and parses a lesson file.
    public static func load(_ url: URL) throws(LessonError) -> Lesson {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LessonError(file: url.lastPathComponent, line: 1, "cannot read \(url.path) as UTF-8 text")
        }
        return try parse(text, fileName: url.lastPathComponent)
    }

    /// `NN` of `NN-slug.md`.
    static func number(ofFile name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }
}

/// Turns scanned pieces into steps: reads each block's kind, attaches solutions, checks and
/// hints to their exercise, and collects every problem instead of stopping at the first.
struct LessonParser {
    let file: String
    var problems: [LessonError.Problem] = []

    init(file: String) { self.file = file }

    mutating func problem(_ line: Int, _ message: String) {
        problems.append(.init(file: file, line: line, message: message))
    }

    mutating func parse(_ text: String) -> Lesson {
        var scanner = MarkdownScanner(file: file)
        let (front, pieces) = scanner.scan(text)
        problems += scanner.problems
        let (id, title, summary) = frontMatter(front)
        return Lesson(id: id, title: title, summary: summary, fileName: file,
                      number: Lesson.number(ofFile: file), steps: steps(pieces))
    }

    private mutating func frontMatter(_ front: MarkdownScanner.FrontMatter?) -> (String, String, String) {
        guard let front else {
            problem(1, "a lesson starts with front matter: `---`, then `id: …`, `title: …` and `summary: …` lines, then `---`")
            return ("", "", "")
        }
        let id = front.fields["id"] ?? "", title = front.fields["title"] ?? ""
        if id.isEmpty { problem(1, "the front matter needs an `id: …` line (letters, digits, `-`, `_`)") }
        else if !BlockInfo.isValidID(id) {
            problem(front.lines["id"] ?? 1, "`\(id)` is not a usable lesson id: use letters, digits, `-` and `_` (it names answer folders)")
        }
        if title.isEmpty { problem(1, "the front matter needs a `title: …` line") }
        return (id, title, front.fields["summary"] ?? "")
    }

    /// A solution, check or hint waiting for its exercise.
    private struct Part {
        var kind: BlockInfo.Kind
        var info: BlockInfo
        var block: CodeBlock
    }

    private mutating func steps(_ pieces: [MarkdownScanner.Piece]) -> [Step] {
        var steps: [Step] = []
        var parts: [Part] = []
        var ids: [String: Int] = [:]          // predict and exercise ids → line
        var revealed: Set<String> = []
        for piece in pieces {
            switch piece {
            case let .prose(text, _):
                steps.append(.prose(text))
            case let .block(infoText, body, line):
                let info: BlockInfo
                do { info = try BlockInfo(infoText) } catch { problem(line, error.message); continue }
                // The body's first line is the line after the fence.
                let block = CodeBlock(body, line: line + 1)
                switch info.kind {
                case .commands:
                    validateCommands(block, in: "`thaw` block")
                    steps.append(.commands(block))
                case .predict, .exercise:
                    let id = info.id!
                    if let first = ids[id] {
                        problem(line, "the id `\(id)` is used twice (first on line \(first)); each prediction and exercise needs its own")
                        continue
                    }
                    ids[id] = line
                    if info.kind == .predict {
                        steps.append(.predict(prediction(id, block)))
                    } else {
                        steps.append(.exercise(Exercise(id: id, starter: block, solution: block, check: block)))
                    }
                case .reveal:
                    let id = info.id!
                    if !steps.contains(where: { if case let .predict(p) = $0 { p.id == id } else { false } }) {
                        problem(line, "`thaw reveal id=\(id)` has no `thaw predict id=\(id)` before it")
                    } else if !revealed.insert(id).inserted {
                        problem(line, "prediction `\(id)` is revealed twice")
                    }
                    if !body.trimmingBlankLines.split(separator: "\n").allSatisfy({ $0.trimmingBlanks.hasPrefix("#") }) {
                        problem(line + 1, "a `thaw reveal` block has no body (its outcome comes from the prediction's choices); put text in the prose after it")
                    }
                    steps.append(.reveal(predictionID: id, line: line))
                case .solution, .wrong, .check, .hint:
                    parts.append(Part(kind: info.kind, info: info, block: block))
                }
            }
        }
        return attach(parts, to: steps)
    }

    /// Puts each solution, check and hint into its exercise; reports the missing and the extra.
    private mutating func attach(_ parts: [Part], to steps: [Step]) -> [Step] {
        var steps = steps
        var used = Set<Int>()
        for (index, step) in steps.enumerated() {
            guard case var .exercise(exercise) = step else { continue }
            let mine = parts.enumerated().filter { $0.element.info.id == exercise.id }
            used.formUnion(mine.map(\.offset))
            let solutions = mine.map(\.element).filter { $0.kind == .solution }
            let checks = mine.map(\.element).filter { $0.kind == .check }
            let line = exercise.starter.line - 1
            if solutions.isEmpty { problem(line, "exercise `\(exercise.id)` has no `thaw solution id=\(exercise.id)` block") }
            if checks.isEmpty { problem(line, "exercise `\(exercise.id)` has no `thaw check id=\(exercise.id)` block") }
            let wrongs = mine.map(\.element).filter { $0.kind == .wrong }
            if wrongs.isEmpty {
                problem(line, "exercise `\(exercise.id)` has no `thaw wrong id=\(exercise.id)` block: an answer that reaches the goal by another method, which its check must refuse")
            }
            exercise.wrongMethods = wrongs.map(\.block)
            for wrong in wrongs { validateCommands(wrong.block, in: "`thaw wrong` block") }
            for extra in solutions.dropFirst() + checks.dropFirst() {
                problem(extra.block.line - 1, "exercise `\(exercise.id)` has a second `\(extra.kind.fenceName)` block; keep one")
            }
            if let solution = solutions.first {
                exercise.solution = solution.block
                validateCommands(solution.block, in: "`thaw solution` block")
            }
            if let check = checks.first {
                exercise.check = check.block
                validateCommands(check.block, in: "`thaw check` block", needsExpect: true)
            }
            exercise.hints = mine.map(\.element).filter { $0.kind == .hint }.map {
                Hint(when: $0.info.when, text: $0.block.text.trimmingBlankLines, line: $0.block.line - 1)
            }
            for hint in exercise.hints {
                if let when = hint.when { validateCondition(when, line: hint.line, in: "`when=`") }
            }
            steps[index] = .exercise(exercise)
        }
        for (offset, part) in parts.enumerated() where !used.contains(offset) {
            problem(part.block.line - 1, "`\(part.kind.fenceName) id=\(part.info.id!)` belongs to no exercise: there is no `thaw exercise id=\(part.info.id!)`")
        }
        return steps
    }
}
