import Foundation
import Testing
import ThawLab
import ThawText
import ThawTune

/// Output fitted to a terminal's width: tables narrow and wrap, prose re-flows with its
/// Markdown shown as styling, the progress line is cut, long runs are summarised. Without a
/// width (files, exports) nothing changes.
@Suite("Terminal width")
struct TerminalFitTests {
    static let at80 = TerminalRenderer(style: TerminalStyle(width: 80))

    /// Cells each line takes on screen, colour escapes skipped.
    static func widths(_ text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var cells = 0, inEscape = false
            for c in line {
                if c == "\u{1B}" { inEscape = true } else if inEscape { inEscape = !c.isLetter } else { cells += DisplayWidth.of(c) }
            }
            return cells
        }
    }

    /// A reveal's table as lessons make it: long choices and long reasons.
    static let reveal = Table(
        title: "Which wins with 5 images per class: the frozen trunk, full fine-tuning, or a network trained from scratch?",
        columns: ["", "choice", "held", "because"],
        rows: [["▸ a", "feature extraction (the frozen trunk) beats full fine-tuning by more than 5 points",
                "yes", "accuracy(probe, target_test) = 0.804, accuracy(full, target_test) = 0.712"],
               ["b", "full fine-tuning beats feature extraction", "no",
                "accuracy(full, target_test) = 0.712, accuracy(probe, target_test) = 0.804"]])

    @Test func aWideTableWrapsItsTextColumnsToFitAndKeepsEveryWord() {
        let natural = TerminalRenderer().render(.table(Self.reveal))
        #expect(Self.widths(natural).max()! > 150, "the sample must be wider than a terminal")
        let fitted = Self.at80.render(.table(Self.reveal))
        #expect(Self.widths(fitted).allSatisfy { $0 <= 80 }, "\(fitted)")
        // Wrapped, not cut: every word of every cell is still there, and no line ends in `…`.
        let words = Set(fitted.split { " │┌┐└┘├┤┬┴┼─\n".contains($0) }.map(String.init))
        for cell in Self.reveal.rows.flatMap({ $0 }) + [Self.reveal.title!] {
            for word in cell.split(separator: " ") { #expect(words.contains(String(word)), "\(word) lost") }
        }
        #expect(!fitted.contains("…"))
        #expect(fitted.contains("│ yes  │"), "the short column keeps its width:\n\(fitted)")
    }

    @Test func withoutAWidthATableKeepsItsNaturalWidth() {
        // What exports (notebook, Markdown) and files get.
        let lines = TerminalRenderer().render(.table(Self.reveal)).split(separator: "\n")
        #expect(lines.count == 7)   // title, three rules, the header and two rows: nothing wrapped
    }

    @Test func numbersAreNotWrappedWhileTextCanGiveWay() {
        let table = Table(columns: ["parameter", "params", "lr"],
                          rows: [[String(repeating: "blocks.0.attn.", count: 8) + "weight", "1,234,567", "0.001"]])
        let fitted = TerminalRenderer(style: TerminalStyle(width: 40)).render(.table(table))
        #expect(Self.widths(fitted).allSatisfy { $0 <= 40 }, "\(fitted)")
        #expect(fitted.contains("│ 1,234,567 │ 0.001 │"), "\(fitted)")
    }

    @Test func headersWrapBeforeDataAndLongPathsBreakAfterADot() {
        let table = Table(columns: ["parameter", "shape", "params", "trainable", "group", "lr", "grad norm"],
                          alignments: [.left, .left, .right, .left, .left, .right, .right],
                          rows: [["lm.blocks.0.attn.q.weight", "32×32", "1,024", "yes", "blocks.0", "–", "–"],
                                 ["lm.head.weight", "37×32", "1,184", "frozen", "head", "–", "–"]])
        let fitted = Self.at80.render(.table(table))
        #expect(Self.widths(fitted).allSatisfy { $0 <= 80 }, "\(fitted)")
        #expect(fitted.contains("│ grad │") && fitted.contains("│ norm │"), "\(fitted)")
        // The path gives way only by the one cell the header could not give, after a dot.
        #expect(fitted.contains("│ lm.blocks.0.attn.q.      │") && fitted.contains("│ weight                   │"), "\(fitted)")
        let narrow = TerminalRenderer(style: TerminalStyle(width: 60)).render(.table(table))
        #expect(Self.widths(narrow).allSatisfy { $0 <= 60 }, "\(narrow)")
        #expect(narrow.contains("│ 0.attn. │") && narrow.contains("│ weight  │"), "\(narrow)")
    }

    @Test func tooManyColumnsAreCutWithAnEllipsisWholeCharactersOnly() {
        let table = Table(columns: (0..<30).map { "column \($0)" }, rows: [(0..<30).map { "value \($0)" }])
        let fitted = TerminalRenderer(style: TerminalStyle(width: 80)).render(.table(table))
        #expect(Self.widths(fitted).allSatisfy { $0 <= 80 })
        for line in fitted.split(separator: "\n").dropFirst() { #expect(line.hasSuffix("…")) }
        #expect(!fitted.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test func proseShowsEmphasisAsStylingOrBareAndWrapsAtWords() {
        let prose = """
            The **head** maps features to classes; a *linear probe* trains it alone with `freeze net except net.head`, \
            and 2 * 3 * 4 stays arithmetic while snake_case_names stay whole.

            - **Feature extraction**: freeze the trunk, so that only a few percent of the parameters learn.
            """
        let plain = TerminalRenderer(style: TerminalStyle(width: 40)).render(.markdown(prose))
        #expect(!plain.contains("**") && !plain.contains("`") && !plain.contains("*linear"))
        #expect(plain.contains("2 * 3 * 4") && plain.contains("snake_case_names"))
        #expect(Self.widths(plain).allSatisfy { $0 <= 40 }, "\(plain)")
        let words = plain.split { $0 == " " || $0 == "\n" }
        #expect(words.contains("net.head,") && words.contains("snake_case_names"), "no word is split:\n\(plain)")
        #expect(plain.contains("\n  so that only"), "a list item hangs:\n\(plain)")

        let coloured = TerminalRenderer(style: TerminalStyle(color: true, width: 40)).render(.markdown(prose))
        #expect(coloured.contains("\u{1B}[1mhead\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[3mlinear probe\u{1B}[0m"))
        #expect(Self.widths(coloured).allSatisfy { $0 <= 40 })
    }

    @Test func textAndNotesWrapAtWordsOnlyWithAWidth() {
        let long = Array(repeating: "fine-tuning", count: 12).joined(separator: " ")
        #expect(TerminalRenderer().render(.text(long)) == long)
        let wrapped = TerminalRenderer(style: TerminalStyle(width: 30)).render(.note(long))
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.split(separator: " ").allSatisfy { $0 == "fine-tuning" } })
        #expect(Self.widths(wrapped).allSatisfy { $0 <= 30 })
    }

    @Test func aLongCommandBreaksAtASpaceAndGoesOnIndentedWhileShortLinesKeepTheirLayout() {
        let block = "    r_ewc = train ewc_net on perm_train epochs 30 ewc 1 keep train track test perm_test\n    ▒▓█ ░"
        let shown = Self.at80.render(.preformatted(block))
        #expect(shown == """
                r_ewc = train ewc_net on perm_train epochs 30 ewc 1 keep train track test
                  perm_test
                ▒▓█ ░
            """)
        #expect(TerminalRenderer().render(.preformatted(block)) == block)
    }

    @Test func aLongErrorWrapsItsMessageAndCutsItsExcerptSoBothFit() {
        let session = Session()
        let line = "net = mlp 64 32 10; train net on nothing_here_at_all epochs 3 lr 1e-3 batch 16 wd 0.01 clip 1 patience 2"
        let shown = Self.at80.render(session.run(line).outputs)
        #expect(shown.hasPrefix("error: "), "\(shown)")
        #expect(shown.contains("^~~~"), "\(shown)")
        #expect(Self.widths(shown).allSatisfy { $0 <= 80 }, "\(shown)")
    }

    @Test func thePlotShrinksToANarrowTerminal() {
        let plot = Plot(title: "loss", xLabel: "step", yLabel: "loss",
                        series: [.init(name: "train", points: (0..<50).map { .init(Double($0), 1 / Double($0 + 1)) }),
                                 .init(name: "valid", points: (0..<50).map { .init(Double($0), 1.2 / Double($0 + 1)) })])
        let drawn = TerminalRenderer(style: TerminalStyle(width: 40)).render(.plot(plot))
        #expect(Self.widths(drawn).allSatisfy { $0 <= 40 }, "\(drawn)")
        #expect(drawn.contains("• train   × valid"))
    }

    @Test func theWidthComesFromTheWindowThenColumnsThen80() {
        #expect(TerminalWidth.resolve(window: 120, columnsVariable: "60") == 120)
        #expect(TerminalWidth.resolve(window: nil, columnsVariable: "60") == 60)
        #expect(TerminalWidth.resolve(window: nil, columnsVariable: "wide") == 80)
        #expect(TerminalWidth.resolve(window: nil, columnsVariable: nil) == 80)
        #expect(TerminalWidth.resolve(window: 5, columnsVariable: nil) == TerminalWidth.minimum)
    }

    @Test func truncationNeverSplitsACharacter() {
        #expect(DisplayWidth.truncated("────────", to: 4) == "───…")
        #expect(DisplayWidth.truncated("日本語のテキスト", to: 5) == "日本…")
        #expect(DisplayWidth.truncated("short", to: 5) == "short")
    }

    @Test func theProgressLineIsRedrawnInPlaceAndCutToTheWidth() {
        let line = "net on few · epoch 3/448 · step 1200/179200 · loss 0.4312  (Ctrl-C stops after this step)"
        let drawn = Progress.redraw(line, width: 60)
        #expect(drawn.hasPrefix("\r\u{1B}[2K"))
        #expect(DisplayWidth.of(drawn.dropFirst(5)) == 59)   // one cell short: the cursor never wraps
        #expect(Progress.redraw("short", width: 60) == "\r\u{1B}[2Kshort")
    }

    @Test func aLongRunShowsItsFirstAndLastEpochsAndSaysHowToSeeAll() {
        let session = Session()
        for line in ["seed 1", "digits = load digits", "tiny = select digits take 40", "net = mlp 64 8 10",
                     "r = train net on tiny epochs 30 batch 40"] {
            #expect(!LabFixture.isError(session.run(line).outputs), "\(line)")
        }
        let summary = session.run("show r").outputs
        guard case let .table(table)? = summary.first else { Issue.record("no table"); return }
        #expect(table.rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6", "⋮", "25", "26", "27", "28", "29", "30"])
        #expect(LabFixture.text(summary).contains("18 of 30 epochs left out: `show r all` shows every one"))
        guard case let .table(all)? = session.run("show r all").outputs.first else { Issue.record("no table"); return }
        #expect(all.rows.count == 30)
    }

    @Test func derivedDataIsNamedAfterWhatTheLearnerCalledItsParent() {
        let session = Session()
        for line in ["seed 1", "digits = load digits", "train, test = split digits 0.7", "source, rest = split train 0.5",
                     "target = transform rest invert", "few = select target shots 5", "net = mlp 64 8 10",
                     "r = train net on few epochs 1"] {
            #expect(!LabFixture.isError(session.run(line).outputs), "\(line)")
        }
        let workspace = LabFixture.text(session.run("show").outputs)
        #expect(workspace.contains("target 5-shot, 50 examples"), "\(workspace)")
        #expect(workspace.contains("rest inverted, 629 examples"), "\(workspace)")
        #expect(workspace.contains("train 50%, 629 examples"), "\(workspace)")
        #expect(workspace.contains("digits 30%, 540 examples"), "\(workspace)")
    }
}
