/// ANSI SGR codes, applied only when colour is on: with it off every function returns its
/// text unchanged, so plain renderings never contain an escape byte.
struct TerminalPaint: Sendable {
    let enabled: Bool

    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"
    static let red = "\u{1B}[31m"
    static let green = "\u{1B}[32m"
    static let italic = "\u{1B}[3m"
    static let cyan = "\u{1B}[36m"

    /// Series colours from the 256-colour palette, close to the Okabe–Ito colour-blind-safe
    /// set the SVG plots use (blue, orange, bluish green, vermillion, reddish purple, sky blue,
    /// grey), bright enough for dark and light backgrounds.
    static let seriesCodes = [33, 214, 36, 166, 175, 117, 250]

    static func seriesColor(_ index: Int) -> String {
        "\u{1B}[38;5;\(seriesCodes[index % seriesCodes.count])m"
    }

    func apply(_ codes: String..., to text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return codes.joined() + text + TerminalPaint.reset
    }

    func bold(_ text: String) -> String { apply(TerminalPaint.bold, to: text) }
    /// Dims each line separately, so that pagers that reset at line ends keep the style.
    func dim(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { apply(TerminalPaint.dim, to: String($0)) }.joined(separator: "\n")
    }
    func red(_ text: String) -> String { apply(TerminalPaint.bold, TerminalPaint.red, to: text) }
    func green(_ text: String) -> String { apply(TerminalPaint.green, to: text) }
    /// Markdown's `*emphasis*`.
    func italic(_ text: String) -> String { apply(TerminalPaint.italic, to: text) }
    /// Markdown's `` `code` ``: names and commands the learner can type.
    func code(_ text: String) -> String { apply(TerminalPaint.cyan, to: text) }
    func series(_ index: Int, _ text: String) -> String { apply(TerminalPaint.seriesColor(index), to: text) }
}
