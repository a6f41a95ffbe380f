import ThawLang

/// What the parser checks inside blocks: commands and conditions parse, checks hold an
/// `expect`, and a prediction has a question and at least two well-formed choices.
extension LessonParser {
    /// Words the language reserves; a choice label must be typeable as `predict LABEL`.
    static let reservedWords: Set<String> = ["true", "false", "on", "off", "yes", "no", "and", "or", "not", "in"]

    /// Reports every diagnostic of the block's commands at its line in the lesson file.
    mutating func validateCommands(_ block: CodeBlock, in what: String, needsExpect: Bool = false) {
        let script = Script(block.text, name: file, firstLine: block.line)
        for diagnostic in script.diagnostics where diagnostic.severity == .error {
            let position = script.source.position(of: diagnostic.range.start)
            let text = script.source.line(containing: diagnostic.range.start).text.trimmingBlanks
            problem(position.line, "in a \(what): \(diagnostic.summary) (in `\(text)`)")
        }
        if needsExpect, !script.hasErrors, !script.statements.contains(where: { $0.command.name == "expect" }) {
            problem(block.line - 1, "a \(what) needs at least one `expect` line: it is what decides whether the exercise is solved")
        }
    }

    /// Reports a condition that would not parse as the condition of `expect`.
    mutating func validateCondition(_ condition: String, line: Int, in what: String) {
        let script = Script("expect " + condition)
        if let diagnostic = script.diagnostics.first(where: { $0.severity == .error }) {
            problem(line, "the condition of \(what) `\(condition)` does not parse: \(diagnostic.summary)")
        } else if script.statements.count != 1 {
            problem(line, "the condition of \(what) `\(condition)` must be one condition, with no `;`")
        }
    }

    /// Reads a `thaw predict` body:
    ///
    ///     question: Which trains faster?
    ///     a: the full model | epochs(full) < epochs(head)
    ///     b: the head alone | epochs(head) <= epochs(full)
    /// Problems are reported; the prediction comes back regardless, so that its reveal finds it.
    mutating func prediction(_ id: String, _ block: CodeBlock) -> Prediction {
        var question: String?
        var choices: [Prediction.Choice] = []
        let before = problems.count
        for (offset, raw) in block.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingBlanks, number = block.line + offset
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problem(number, "a prediction's lines are `question: …` and then `a: text | condition`, not `\(line)`")
                continue
            }
            let key = line[..<colon].trimmingBlanks, value = line[line.index(after: colon)...].trimmingBlanks
            if question == nil {
                guard key == "question", !value.isEmpty else {
                    problem(number, "a prediction starts with its `question: …` line")
                    question = ""
                    continue
                }
                question = value
                continue
            }
            guard let bar = value.lastIndex(of: "|") else {
                problem(number, "choice `\(key)` needs a condition after `|`: `\(key): text | condition`")
                continue
            }
            let text = value[..<bar].trimmingBlanks, condition = value[value.index(after: bar)...].trimmingBlanks
            guard isLabel(key) else {
                problem(number, "`\(key)` cannot be a choice's label: use a short word such as `a`, that the learner types as `predict \(key.isEmpty ? "a" : key)`")
                continue
            }
            if choices.contains(where: { $0.label == key }) { problem(number, "choice `\(key)` is given twice") }
            if text.isEmpty { problem(number, "choice `\(key)` needs a text before `|`") }
            validateCondition(condition, line: number, in: "choice `\(key)`")
            choices.append(.init(label: key, text: text, condition: condition))
        }
        if question == nil { problem(block.line - 1, "prediction `\(id)` has no `question: …` line") }
        else if choices.count < 2 && problems.count == before {
            problem(block.line - 1, "prediction `\(id)` needs at least two choices, one a line: `a: text | condition`")
        }
        return Prediction(id: id, question: question ?? "", choices: choices, line: block.line - 1)
    }

    /// A plain word that is not reserved: `a`, `b`, `fast`.
    func isLabel(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter, !Self.reservedWords.contains(word.lowercased()) else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
