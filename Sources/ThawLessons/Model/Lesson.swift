/// A parsed lesson: its front matter and its steps in file order.
///
/// Steps are what a learner walks through and what a replay runs: prose, command blocks,
/// predictions, reveals and exercises. An exercise step carries its starter, solution, check
/// and hints, wherever those blocks sit in the file, so the step list reads as the lesson does.
public struct Lesson: Sendable, Equatable {
    /// `id` from the front matter: the key for progress and answers.
    public var id: String
    public var title: String
    public var summary: String
    /// The file name (`01-freezing.md`), used in messages.
    public var fileName: String
    /// `NN` from the file name, when it has one.
    public var number: Int?
    public var steps: [Step]

    public init(id: String, title: String, summary: String = "", fileName: String, number: Int? = nil, steps: [Step]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.fileName = fileName
        self.number = number
        self.steps = steps
    }

    /// The slug of the file name (`freezing` for `01-freezing.md`); `lessons freezing` opens it.
    public var slug: String {
        var name = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        if let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber), !name[..<dash].isEmpty {
            name = String(name[name.index(after: dash)...])
        }
        return name
    }

    public var exercises: [Exercise] {
        steps.compactMap { if case let .exercise(e) = $0 { e } else { nil } }
    }

    public var predictions: [Prediction] {
        steps.compactMap { if case let .predict(p) = $0 { p } else { nil } }
    }

    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }
    public func prediction(_ id: String) -> Prediction? { predictions.first { $0.id == id } }

    /// The index in `steps` of exercise `id`.
    public func stepIndex(ofExercise id: String) -> Int? {
        steps.firstIndex { if case let .exercise(e) = $0 { e.id == id } else { false } }
    }
}

/// One step of a lesson.
public enum Step: Sendable, Equatable {
    /// Markdown between blocks (headings, text, fences that are not `thaw` blocks).
    case prose(String)
    /// A `thaw` block: commands that run in order.
    case commands(CodeBlock)
    /// A `thaw predict` block: a question the learner answers before the reveal.
    case predict(Prediction)
    /// A `thaw reveal` block: which choices of a prediction hold on the live state.
    case reveal(predictionID: String, line: Int)
    /// A `thaw exercise` block with its solution, check and hints.
    case exercise(Exercise)

    /// True for steps the walkthrough stops at (everything but prose).
    public var isBlock: Bool { if case .prose = self { false } else { true } }
}

/// The text of a fenced block and the line of the lesson file its first line is on, so that
/// messages about it can name that line.
public struct CodeBlock: Sendable, Equatable {
    public var text: String
    /// The line number (1-based) in the lesson file of the block's first line.
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A "predict first" question: choices with a condition each, evaluated at the reveal.
public struct Prediction: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        /// What the learner types: `predict a`.
        public var label: String
        public var text: String
        /// A condition over the live state, in the expression language of `expect`.
        public var condition: String
        public init(label: String, text: String, condition: String) {
            self.label = label
            self.text = text
            self.condition = condition
        }
    }
    public var id: String
    public var question: String
    public var choices: [Choice]
    public var line: Int

    public init(id: String, question: String, choices: [Choice], line: Int) {
        self.id = id
        self.question = question
        self.choices = choices
        self.line = line
    }

    public func choice(_ label: String) -> Choice? { choices.first { $0.label == label } }
}

/// An exercise: what the learner starts from, the reference answer, what decides whether it
/// is solved, and the hints.
public struct Exercise: Sendable, Equatable {
    public var id: String
    /// What the learner starts from; kept so that it provably fails its check.
    public var starter: CodeBlock
    public var solution: CodeBlock
    /// Answers that reach the goal by another method than the one the exercise teaches; the
    /// test suite proves that the check refuses each (the check rewards the method).
    public var wrongMethods: [CodeBlock] = []
    /// `expect` lines read from the live state.
    public var check: CodeBlock
    public var hints: [Hint]

    public init(id: String, starter: CodeBlock, solution: CodeBlock, check: CodeBlock, hints: [Hint] = []) {
        self.id = id
        self.starter = starter
        self.solution = solution
        self.check = check
        self.hints = hints
    }
}

/// A hint, shown when its condition holds (always when it has none).
public struct Hint: Sendable, Equatable {
    /// A condition over the live state, or nil for a hint that always applies.
    public var when: String?
    /// Markdown.
    public var text: String
    public var line: Int

    public init(when: String? = nil, text: String, line: Int) {
        self.when = when
        self.text = text
        self.line = line
    }
}
