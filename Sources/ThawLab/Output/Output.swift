import ThawLang

/// What a command produces, as data rather than text, so that each renderer (the terminal,
/// Markdown, a Jupyter notebook, SVG) can draw it its own way.
public enum Output: Sendable, Equatable {
    /// Plain text (a message, a report line).
    case text(String)
    /// Preformatted text whose layout matters (a digit drawn in blocks, sampled words).
    case preformatted(String)
    /// Prose in Markdown (a lesson's text, a question): the terminal shows its emphasis as
    /// styling, or bare without colour, and re-flows it to the width.
    case markdown(String)
    /// Rows and columns with a title.
    case table(Table)
    /// Named numbers (accuracy 0.973, loss 0.084).
    case metrics([Metric])
    /// Line plots.
    case plot(Plot)
    /// The outcome of an `expect`.
    case check(CheckResult)
    /// Something went wrong with the command; the session carries on.
    case error(String)
    /// A note that is not the command's result (a hint, a warning).
    case note(String)
}

/// A table: column headers and rows of cells, with per-column alignment.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }
    public var title: String?
    public var columns: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Rows after which a rule is drawn (e.g. before a total).
    public var footer: [[String]]

    public init(title: String? = nil, columns: [String], alignments: [Alignment]? = nil,
                rows: [[String]], footer: [[String]] = []) {
        self.title = title
        self.columns = columns
        self.alignments = alignments ?? columns.map { _ in .left }
        self.rows = rows
        self.footer = footer
    }
}

/// A named number with how to show it.
public struct Metric: Sendable, Equatable {
    public enum Format: Sendable, Equatable {
        /// As a percentage with one decimal (0.9731 → 97.3%).
        case percent
        /// With this many decimals.
        case decimals(Int)
        /// A whole number with thousands separators.
        case count
    }
    public var name: String
    public var value: Double
    public var format: Format

    public init(_ name: String, _ value: Double, _ format: Format = .decimals(4)) {
        self.name = name
        self.value = value
        self.format = format
    }
}

/// One or more series of (x, y) points, drawn as lines on shared axes.
public struct Plot: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [Point]
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }
    public struct Point: Sendable, Equatable {
        public var x: Double, y: Double
        public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    }
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Draw the y axis on a log scale (learning rates).
    public var logY: Bool
    /// Draw the x axis on a log scale (a learning-rate sweep).
    public var logX: Bool

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false, logX: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logY = logY
        self.logX = logX
    }
}

/// The result of an `expect`: what was claimed, whether it held, and the numbers behind it.
public struct CheckResult: Sendable, Equatable {
    public var claim: String
    public var passed: Bool
    /// Each value the claim was computed from ("accuracy(net, old) = 0.973").
    public var values: [String]
    /// A learner-facing sentence when it failed (or a hint).
    public var message: String?

    public init(claim: String, passed: Bool, values: [String], message: String? = nil) {
        self.claim = claim
        self.passed = passed
        self.values = values
        self.message = message
    }
}

/// One command as it ran: the text typed and what came out.
public struct TranscriptEntry: Sendable, Equatable {
    public var source: String
    public var outputs: [Output]
    /// 1, 2, 3… in the order the commands ran.
    public var executionCount: Int
    public init(source: String, outputs: [Output], executionCount: Int) {
        self.source = source
        self.outputs = outputs
        self.executionCount = executionCount
    }

    /// True when any output is an error or a failed check.
    public var failed: Bool {
        outputs.contains { if case .error = $0 { true } else if case let .check(c) = $0 { !c.passed } else { false } }
    }
}

/// A whole session or lesson run, in order: prose (Markdown, from a lesson) and code cells.
public struct Transcript: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case markdown(String)
        case code(TranscriptEntry)
    }
    public var title: String
    public var cells: [Cell]
    public init(title: String, cells: [Cell] = []) {
        self.title = title
        self.cells = cells
    }
}

extension Output {
    /// The output with control characters in its text made visible (`ControlCharacters`):
    /// what the renderers draw, since notes, errors and tables quote names and file names.
    public var withVisibleControlCharacters: Output {
        let v = ControlCharacters.visible
        switch self {
        case let .text(s): return .text(v(s))
        case let .preformatted(s): return .preformatted(v(s))
        case let .markdown(s): return .markdown(v(s))
        case let .note(s): return .note(v(s))
        case let .error(s): return .error(v(s))
        case var .table(t):
            t.title = t.title.map(v)
            t.columns = t.columns.map(v)
            t.rows = t.rows.map { $0.map(v) }
            t.footer = t.footer.map { $0.map(v) }
            return .table(t)
        default: return self
        }
    }
}
