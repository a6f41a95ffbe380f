import Foundation
import Testing
import ThawLab

@Suite("Markdown export")
struct MarkdownExportTests {
    @Test func lessonAsMarkdownWithPlotFiles() {
        let doc = MarkdownExport.render(ExportSamples.transcript, name: "forgetting")
        #expect(doc.markdown == """
            # Catastrophic forgetting

            Train on task A, then on task B, and watch A fade.

            ```thaw
            show net
            ```

            **net (mlp 64 128 128 10)**

            | path | shape | params | trainable | lr |
            | :--- | :--- | ---: | :--- | ---: |
            | net.0 | [128, 64] | 8,320 | no | — |
            | net.2 | [128, 128] | 16,512 | no | — |
            | net.4 | [10, 128] | 1,290 | yes | 1e-3 |
            | **total** |  | **26,122** |  |  |

            ```thaw
            train net on old epochs 8 lr 1e-3 opt adam
            ```

            ```text
            epoch 8/8  loss 0.0841  accuracy 97.3%
            ```

            ![loss](forgetting-plot-1.svg)

            Now check what it learned, and what it forgot:

            ```thaw
            eval net on old
            expect accuracy(net, old) > 0.9
            ```

            ```text
            accuracy  97.3%
            loss      0.0841
            examples  12,345
            ✓ expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.973)
            ```

            ```thaw
            expect accuracy(net, old) > 0.9
            ```

            ```text
            ✗ expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.412)
              net forgot task A: accuracy on old fell from 97.3% to 41.2%.
            ```

            ```thaw
            freeze net.9
            ```

            ```text
            error: no layer net.9 in net (layers: net.0, net.2, net.4)
            did you mean `freeze net.4`?
            ```

            ```thaw
            plot lr
            ```

            ![learning rate](forgetting-plot-2.svg)

            """)
        #expect(doc.files.map(\.name) == ["forgetting-plot-1.svg", "forgetting-plot-2.svg"])
        #expect(doc.files[0].contents == SVGPlot.render(ExportSamples.lossPlot))
        #expect(doc.files[1].contents == SVGPlot.render(ExportSamples.lrPlot))
    }

    @Test func inlinePlotsNeedNoFiles() {
        let doc = MarkdownExport.render(ExportSamples.transcript, name: "x", inlinePlots: true)
        #expect(doc.files.isEmpty)
        #expect(doc.markdown.contains("\n\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(doc.markdown.contains("</svg>\n\nNow check"))
        // An HTML block ends at a blank line, so the SVG must not contain one.
        let svg = SVGPlot.render(ExportSamples.lossPlot)
        #expect(!svg.contains("\n\n"))
    }

    @Test func writesBesideTheFileAndTheSameBytesTwice() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("my lesson.md")
        let first = try MarkdownExport.write(ExportSamples.transcript, to: url)
        #expect(first.map(\.lastPathComponent) == ["my lesson.md", "my lesson-plot-1.svg", "my lesson-plot-2.svg"])
        let bytes = try first.map { try Data(contentsOf: $0) }
        let second = try MarkdownExport.write(ExportSamples.transcript, to: url)
        #expect(try second.map { try Data(contentsOf: $0) } == bytes)
        #expect(String(decoding: bytes[0], as: UTF8.self).contains("![loss](my%20lesson-plot-1.svg)"))
    }

    @Test func fencesOutgrowBackticksAndCellsEscapePipes() {
        let transcript = Transcript(title: "t", cells: [
            .code(TranscriptEntry(source: "show x", outputs: [
                .text("a ``` fence"),
                .table(Table(columns: ["a|b"], rows: [["x|y"]])),
            ], executionCount: 1)),
        ])
        #expect(MarkdownExport.render(transcript, name: "t").markdown == """
            # t

            ```thaw
            show x
            ```

            ````text
            a ``` fence
            ````

            | a\\|b |
            | :--- |
            | x\\|y |

            """)
    }
}
