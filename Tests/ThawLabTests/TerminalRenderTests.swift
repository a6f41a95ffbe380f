import Foundation
import Testing
import ThawLab

/// Golden renderings: the exact text a learner sees, compared character for character.
@Suite("Terminal rendering")
struct TerminalRenderTests {
    let plain = TerminalRenderer()

    @Test func boxedTableRightAlignsNumbers() {
        #expect(plain.render(.table(ExportSamples.layerTable)) == """
            net (mlp 64 128 128 10)
            ┌───────┬────────────┬────────┬───────────┬──────┐
            │ path  │ shape      │ params │ trainable │   lr │
            ├───────┼────────────┼────────┼───────────┼──────┤
            │ net.0 │ [128, 64]  │  8,320 │ no        │    — │
            │ net.2 │ [128, 128] │ 16,512 │ no        │    — │
            │ net.4 │ [10, 128]  │  1,290 │ yes       │ 1e-3 │
            ├───────┼────────────┼────────┼───────────┼──────┤
            │ total │            │ 26,122 │           │      │
            └───────┴────────────┴────────┴───────────┴──────┘
            """)
    }

    @Test func rulesTable() {
        let r = TerminalRenderer(style: TerminalStyle(tableBorders: .rules))
        #expect(r.render(.table(ExportSamples.layerTable)) == """
            net (mlp 64 128 128 10)
            path   shape       params  trainable    lr
            ─────  ──────────  ──────  ─────────  ────
            net.0  [128, 64]    8,320  no            —
            net.2  [128, 128]  16,512  no            —
            net.4  [10, 128]    1,290  yes        1e-3
            ─────  ──────────  ──────  ─────────  ────
            total              26,122
            """)
    }

    @Test func numericColumnsAlignRightWithoutBeingTold() {
        let table = Table(columns: ["class", "precision", "support"],
                          rows: [["0", "0.973", "178"], ["cat", "1.000", "9"], ["dog", "n/a", "1,024"]])
        #expect(plain.render(.table(table)) == """
            ┌───────┬───────────┬─────────┐
            │ class │ precision │ support │
            ├───────┼───────────┼─────────┤
            │ 0     │     0.973 │     178 │
            │ cat   │     1.000 │       9 │
            │ dog   │       n/a │   1,024 │
            └───────┴───────────┴─────────┘
            """)
    }

    @Test func raggedRowsAreFilled() {
        let table = Table(columns: ["a"], rows: [["1", "extra"], []])
        #expect(plain.render(.table(table)) == """
            ┌───┬───────┐
            │ a │       │
            ├───┼───────┤
            │ 1 │ extra │
            │   │       │
            └───┴───────┘
            """)
    }

    @Test func metricsAsNameValueLines() {
        #expect(plain.render(.metrics(ExportSamples.metrics)) == """
            accuracy  97.3%
            loss      0.0841
            examples  12,345
            """)
        let odd = [Metric("a", -0.00001, .decimals(2)), Metric("b", .nan, .percent), Metric("c", -1234567, .count),
                   Metric("d", 1, .percent), Metric("e", 0.99999, .percent)]
        #expect(plain.render(.metrics(odd)) == "a  0.00\nb  nan\nc  -1,234,567\nd  100.0%\ne  100.0%")
        #expect(Metric("acc", 0.9731, .percent).formattedValue == "97.3%")
    }

    @Test func checksErrorsAndNotes() {
        #expect(plain.render(.check(ExportSamples.passed))
                == "✓ expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.973)")
        #expect(plain.render(.check(ExportSamples.failed)) == """
            ✗ expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.412)
              net forgot task A: accuracy on old fell from 97.3% to 41.2%.
            """)
        #expect(plain.render(.check(CheckResult(claim: "loss < 1", passed: true, values: [])))
                == "✓ expect loss < 1")
        #expect(plain.render(.error("no model named nte")) == "error: no model named nte")
        #expect(plain.render(.error("error: already prefixed\n  freeze nte\n         ^^^"))
                == "error: already prefixed\n  freeze nte\n         ^^^")
        #expect(plain.render(.note("did you mean `net`?")) == "did you mean `net`?")
    }

    @Test func outputsAreJoinedWithBlankLinesAroundBlocks() {
        let outputs: [Output] = [.text("loaded"), .note("hint"), .table(Table(columns: ["x"], rows: [["1"]])),
                                 .text("after")]
        #expect(plain.render(outputs) == """
            loaded
            hint

            ┌───┐
            │ x │
            ├───┤
            │ 1 │
            └───┘

            after
            """)
        #expect(plain.render([]) == "")
    }

    @Test func colourOnlyWhenAsked() {
        let everything: [Output] = [.text("t"), .preformatted("p"), .table(ExportSamples.layerTable),
                                    .metrics(ExportSamples.metrics), .plot(ExportSamples.lossPlot),
                                    .plot(ExportSamples.lrPlot), .check(ExportSamples.passed),
                                    .check(ExportSamples.failed), .error("e"), .note("n")]
        #expect(!plain.render(everything).contains("\u{1B}"))
        let colored = TerminalRenderer(style: TerminalStyle(color: true))
        #expect(colored.render(.error("bad")) == "\u{1B}[1m\u{1B}[31merror:\u{1B}[0m bad")
        #expect(colored.render(.note("a\nb")) == "\u{1B}[2ma\u{1B}[0m\n\u{1B}[2mb\u{1B}[0m")
        #expect(colored.render(.check(ExportSamples.passed)).hasPrefix("\u{1B}[32m✓\u{1B}[0m expect"))
        // Without the escape codes a coloured table or single-series plot is the plain one.
        #expect(stripANSI(colored.render(.table(ExportSamples.layerTable))) == plain.render(.table(ExportSamples.layerTable)))
        #expect(stripANSI(colored.render(.plot(ExportSamples.lrPlot))) == plain.render(.plot(ExportSamples.lrPlot)))
        // Two series in colour are told apart by colour, so both are drawn in braille.
        let twoSeries = colored.render(.plot(ExportSamples.lossPlot))
        #expect(twoSeries.contains("\u{1B}[38;5;33m") && twoSeries.contains("\u{1B}[38;5;214m"))
        #expect(!stripANSI(twoSeries).contains("×"))
    }

    @Test func colorPolicy() {
        let term = ["TERM": "xterm-256color"]
        #expect(ColorPolicy.shouldColor(isTerminal: true, environment: term))
        #expect(!ColorPolicy.shouldColor(isTerminal: false, environment: term))
        #expect(!ColorPolicy.shouldColor(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(ColorPolicy.shouldColor(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        #expect(!ColorPolicy.shouldColor(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!ColorPolicy.shouldColor(isTerminal: true, environment: [:]))
        // Under `swift test` standard output is a pipe or a file, never coloured.
        #expect(TerminalStyle.detected(fileDescriptor: -1).color == false)
    }

    @Test func lossPlotWithoutColourGivesEachSeriesItsGlyph() {
        #expect(plain.render(.plot(ExportSamples.lossPlot)) == """
                                             loss
            loss
              2.5 ┤×
                  │•×
                  │ •×
                  │  •××
                  │   • ×
                  │    • ×
                  │     • ××
                  │      •  ××
                  │       ••  ××
                  │         ••  ×××××
                  │           •••    ×××××××
                  │              •••••      ×××××××
                  │                   •••••••••••  ×××××××××××××××××××××××××
            0.066 ┤                              •••••••••••••••••••••••••••
                  └┬───────────────────────────────────────────────────────┬
                   0                                                      40
                                             step
                   • train   × valid
            """)
    }

    @Test func logScalePlotInBraille() {
        #expect(plain.render(.plot(ExportSamples.lrPlot)) == """
                                        learning rate
            lr (log scale)
            1e-3 ┤    ⡰⠉⠉⠉⠉⠉⠉⠉⠑⠒⠒⠒⠒⠒⠤⠤⢄⣀⣀⡀
                 │   ⡜                   ⠈⠉⠉⠒⠢⠤⢄⣀
                 │ ⢀⠎                            ⠉⠒⠒⠤⣀
                 │ ⡎                                  ⠉⠑⠤⡀
                 │⢰⠁                                     ⠈⠉⠢⢄
                 │⢸                                          ⠑⠤⡀
                 │⡇                                            ⠈⠢⡀
                 │⠁                                              ⠈⠒⡄
                 │                                                 ⠈⢆
                 │                                                   ⠣⢄
                 │                                                    ⠈⢆
                 │                                                     ⠈⢆
                 │                                                      ⠈⢆
            1e-5 ┤                                                        ⠱⣀
                 └┬────────────────────────────────────────────────────────┬
                  0                                                      100
                                             step
                  ── lr
            """)
    }

    @Test func smallPlotsAndSizes() {
        let small = Plot(title: "two lines", xLabel: "x", yLabel: "y", series: [
            Plot.Series(name: "up", points: [Plot.Point(0, 0), Plot.Point(4, 4)]),
            Plot.Series(name: "down", points: [Plot.Point(0, 4), Plot.Point(4, 0)]),
        ])
        #expect(render(small, width: 24, height: 5) == """
                     two lines
            y
            4 ┤×××               •••
              │   ×××××     •••••
              │        ×××××
              │   •••••     ×××××
            0 ┤•••               ×××
              └┬───────────────────┬
               0                   4
                         x
               • up   × down
            """)
        let diagonal = Plot(title: "diagonal", xLabel: "", yLabel: "", series: [
            Plot.Series(name: "a", points: [Plot.Point(0, 0), Plot.Point(1, 1)])])
        #expect(render(diagonal, width: 20, height: 3) == """
                   diagonal
            1 ┤           ⢀⣀⠤⠔⠒⠉
              │     ⢀⣀⠤⠔⠒⠉⠁
            0 ┤⣀⠤⠔⠒⠉⠁
              └┬───────────────┬
               0               1
               ── a
            """)
        for width in [40, 64, 100] {
            let lines = render(ExportSamples.lossPlot, width: width, height: 10).split(separator: "\n")
            #expect(lines.map { $0.count }.max() == width)
            #expect(lines.count == 1 + 1 + 10 + 1 + 1 + 1 + 1)
        }
    }

    @Test func gapsSinglePointsAndNothing() {
        let gaps = Plot(title: "gaps", xLabel: "step", yLabel: "", series: [
            Plot.Series(name: "a", points: [Plot.Point(0, 1), Plot.Point(1, 2), Plot.Point(2, .nan),
                                             Plot.Point(3, 2), Plot.Point(4, 1)])])
        #expect(render(gaps, width: 24, height: 4) == """
                       gaps
            2 ┤    ⡰⠁         ⠈⢆
              │  ⢀⠜             ⠣⡀
              │ ⢠⠊               ⠑⡄
            1 ┤⡰⠁                 ⠈⢆
              └┬───────────────────┬
               0                   4
                       step
               ── a
            """)
        let single = Plot(title: "one point", xLabel: "", yLabel: "", series: [
            Plot.Series(name: "c", points: [Plot.Point(5, 3)])])
        #expect(render(single, width: 20, height: 3) == """
                    one point
            3.3 ┤
                │       ⢠⡄
            2.7 ┤
                └┬─────────────┬
                 4.5         5.5
                 ── c
            """)
        let nothing = Plot(title: "nothing", xLabel: "", yLabel: "",
                           series: [Plot.Series(name: "a", points: [Plot.Point(0, .infinity)])])
        #expect(plain.render(.plot(nothing)) == "nothing\n(nothing to plot)")
        let negativeOnLog = Plot(title: "log", xLabel: "", yLabel: "", series: [
            Plot.Series(name: "a", points: [Plot.Point(0, -1), Plot.Point(1, 0)])], logY: true)
        #expect(plain.render(.plot(negativeOnLog)) == "log\n(nothing to plot)")
    }

    func render(_ plot: Plot, width: Int, height: Int) -> String {
        TerminalRenderer(style: TerminalStyle(plotWidth: width, plotHeight: height)).render(.plot(plot))
    }
}

/// The text with ANSI SGR sequences (`ESC [ … m`) removed.
func stripANSI(_ text: String) -> String {
    var out = "", inEscape = false
    for c in text.unicodeScalars {
        if inEscape {
            if c == "m" { inEscape = false }
        } else if c == "\u{1B}" {
            inEscape = true
        } else {
            out.unicodeScalars.append(c)
        }
    }
    return out
}
