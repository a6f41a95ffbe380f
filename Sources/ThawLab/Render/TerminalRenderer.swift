import ThawText

/// Turns typed outputs into terminal text.
///
/// Text comes out as is; tables with box drawing (or aligned columns), numbers right-aligned;
/// metrics as `name  value` lines; checks as `✓ expect … (values)` or `✗ …` with the message;
/// errors as `error: …`; notes dimmed; plots in Unicode; Markdown prose with its emphasis as
/// styling. Colour only when the style asks. With a width (`style.width`, a terminal's) text,
/// prose, tables and plots are fitted to it; without one (files, exports) nothing is cut.
/// The result has no trailing newline (print it with `print`).
public struct TerminalRenderer: Sendable {
    public var style: TerminalStyle
    /// Whether control characters in the outputs' text are shown as escapes (`ControlCharacters`)
    /// rather than sent to the terminal. Off only where the text is not headed for a terminal
    /// and must keep its bytes (a notebook's stream output).
    public var escapesControlCharacters = true

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    var paint: TerminalPaint { TerminalPaint(enabled: style.color) }

    /// All outputs of a command, in order; tables and plots are set off by a blank line.
    public func render(_ outputs: [Output]) -> String {
        var result = ""
        var previousIsBlock = false
        for (i, output) in outputs.enumerated() {
            let isBlock = TerminalRenderer.isBlock(output)
            if i > 0 { result += (isBlock || previousIsBlock) ? "\n\n" : "\n" }
            result += render(output)
            previousIsBlock = isBlock
        }
        return result
    }

    static func isBlock(_ output: Output) -> Bool {
        switch output {
        case .table, .plot: true
        default: false
        }
    }

    /// One output.
    public func render(_ output: Output) -> String {
        switch escapesControlCharacters ? output.withVisibleControlCharacters : output {
        case .text(let s):
            return TextWrap.lines(s, width: style.width).joined(separator: "\n")
        case .preformatted(let s):
            // Only a line wider than the terminal is broken, at a space, its rest indented
            // two more so that a command plainly goes on (a digit drawn in blocks fits).
            return TextWrap.lines(s, width: style.width, hang: 2).joined(separator: "\n")
        case .markdown(let s):
            return TerminalProse(width: style.width, paint: paint).render(s)
        case .table(let table):
            return render(table)
        case .metrics(let metrics):
            return render(metrics: metrics)
        case .plot(let plot):
            return render(plot)
        case .check(let check):
            return render(check)
        case .error(let message):
            return renderError(message)
        case .note(let note):
            return paint.dim(TextWrap.lines(note, width: style.width).joined(separator: "\n"))
        }
    }

    /// A plot in Unicode, `style.plotWidth` columns wide, or the terminal's width if narrower.
    public func render(_ plot: Plot) -> String {
        let width = min(style.plotWidth, style.width ?? style.plotWidth)
        let drawn = TerminalPlot(plot: plot, width: width, height: style.plotHeight, paint: paint).render()
        guard let limit = style.width else { return drawn }
        // The canvas and legend fit `width`; only a title longer than the terminal is cut.
        return TextLayout.lines(drawn).map { TextLayout.clip($0, to: limit, paint: paint) }.joined(separator: "\n")
    }

    /// `name  value` lines, names padded to one width.
    public func render(metrics: [Metric]) -> String {
        let nameWidth = metrics.map { TextLayout.width($0.name) }.max() ?? 0
        return metrics.map { m in
            TextLayout.pad(m.name, to: nameWidth) + "  " + m.formattedValue
        }.joined(separator: "\n")
    }

    /// `✓ expect claim   (values)`, or `✗ …` and the message indented beneath.
    public func render(_ check: CheckResult) -> String {
        var plain = TerminalRenderer.claimText(check)
        if !check.values.isEmpty { plain += "   (" + check.values.joined(separator: ", ") + ")" }
        // Wrapped before the mark is coloured, so escape codes are never measured; the lines
        // after the first hang under the claim.
        let characters = Array(plain)
        let pieces = style.width.map { TextWrap.breaks(characters, first: $0 - 2, rest: $0 - 4) } ?? [characters.indices]
        var line = (check.passed ? paint.green("✓") : paint.red("✗")) + " "
            + pieces.map { String(characters[$0]) }.joined(separator: "\n    ")
        if let message = check.message, !message.isEmpty {
            let body = TextWrap.lines(message, width: style.width.map { $0 - 2 }).map { "  " + $0 }.joined(separator: "\n")
            line += "\n" + (check.passed ? paint.dim(body) : body)
        }
        return line
    }

    /// The claim as the learner wrote it, starting with `expect`.
    static func claimText(_ check: CheckResult) -> String {
        check.claim.hasPrefix("expect ") ? check.claim : "expect " + check.claim
    }

    /// `error: message`; a message that already says `error:` is not prefixed twice.
    func renderError(_ message: String) -> String {
        let text = message.hasPrefix("error:") ? message : "error: " + message
        // Wrapped before `error:` is coloured; the excerpt and its caret already fit
        // (`DiagnosticRenderer.defaultWidth`), so only a long message breaks, at a word.
        return paint.red("error:") + TextWrap.lines(text, width: style.width).joined(separator: "\n").dropFirst("error:".count)
    }
}
