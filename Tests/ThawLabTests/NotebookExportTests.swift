import Foundation
import Testing
import TestSupport
import ThawLab

@Suite("Notebook export")
struct NotebookExportTests {
    func parsed(_ transcript: Transcript) throws -> [String: Any] {
        let json = Notebook.render(transcript)
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func structureCellsAndOutputs() throws {
        let nb = try parsed(ExportSamples.transcript)
        #expect(nb["nbformat"] as? Int == 4 && nb["nbformat_minor"] as? Int == 5)
        let metadata = try #require(nb["metadata"] as? [String: Any])
        #expect(metadata["kernelspec"] as? [String: String]
                == ["name": "thaw", "display_name": "Thaw", "language": "thaw"])
        #expect(metadata["language_info"] as? [String: String] == ["name": "thaw"])
        #expect(metadata["title"] as? String == "Catastrophic forgetting")

        let cells = try #require(nb["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String }
                == ["markdown", "code", "code", "markdown", "code", "code", "code", "code"])
        // Ids are unique, valid for nbformat 4.5, and counts run in order.
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == cells.count)
        #expect(ids.allSatisfy { id in
            (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        })
        #expect(cells.compactMap { $0["execution_count"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(cells[0]["source"] as? [String]
                == ["# Catastrophic forgetting\n", "\n", "Train on task A, then on task B, and watch A fade."])

        func outputs(_ i: Int) -> [[String: Any]] { cells[i]["outputs"] as? [[String: Any]] ?? [] }
        // A table: HTML with a plain-text fallback.
        let table = try #require(outputs(1).first)
        #expect(table["output_type"] as? String == "display_data")
        let tableData = try #require(table["data"] as? [String: [String]])
        #expect(tableData["text/html"]?.first == "<table>\n")
        #expect(tableData["text/html"]?.contains("<tr><td style=\"text-align: left\">net.4</td><td style=\"text-align: left\">[10, 128]</td><td style=\"text-align: right\">1,290</td><td style=\"text-align: left\">yes</td><td style=\"text-align: right\">1e-3</td></tr>\n") == true)
        #expect(tableData["text/plain"]?.first == "net (mlp 64 128 128 10)\n")
        // Text then a plot: a stdout stream, then SVG with the terminal plot as fallback.
        #expect(outputs(2).map { $0["output_type"] as? String } == ["stream", "display_data"])
        #expect(outputs(2)[0]["name"] as? String == "stdout")
        #expect(outputs(2)[0]["text"] as? [String] == ["epoch 8/8  loss 0.0841  accuracy 97.3%\n"])
        let plotData = try #require(outputs(2)[1]["data"] as? [String: [String]])
        #expect(plotData["image/svg+xml"]?.first?.hasPrefix("<svg xmlns=") == true)
        #expect(plotData["text/plain"]?.last == "       • train   × valid")
        // Metrics and a passed check merge into one stream.
        #expect(outputs(4).count == 1)
        #expect(outputs(4)[0]["text"] as? [String] == ["accuracy  97.3%\n", "loss      0.0841\n", "examples  12,345\n",
                                                      "✓ expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.973)\n"])
        // A failed check and an error are error outputs, with red marks in the traceback.
        let failed = try #require(outputs(5).first)
        #expect(failed["output_type"] as? String == "error" && failed["ename"] as? String == "CheckFailed")
        #expect(failed["traceback"] as? [String] == [
            "\u{1B}[1m\u{1B}[31m✗\u{1B}[0m expect accuracy(net, old) > 0.9   (accuracy(net, old) = 0.412)",
            "  net forgot task A: accuracy on old fell from 97.3% to 41.2%.",
        ])
        #expect(outputs(6).map { $0["output_type"] as? String } == ["error", "stream"])
        #expect(outputs(6)[0]["evalue"] as? String == "no layer net.9 in net (layers: net.0, net.2, net.4)")
    }

    @Test func sameBytesEveryTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.ipynb"), b = dir.appendingPathComponent("b.ipynb")
        try Notebook.write(ExportSamples.transcript, to: a)
        try Notebook.write(ExportSamples.transcript, to: b)
        let bytes = try Data(contentsOf: a)
        #expect(bytes == (try Data(contentsOf: b)))
        #expect(bytes.last == UInt8(ascii: "\n") && !bytes.contains(UInt8(ascii: "\r")))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n"))
    }

    @Test func sessionWithoutHeadingGetsTitleCell() throws {
        let session = Transcript(title: "thaw session", cells: [
            .code(TranscriptEntry(source: "seed 7\n", outputs: [], executionCount: 1)),
        ])
        let cells = try #require(try parsed(session)["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        #expect(cells[0]["source"] as? [String] == ["# thaw session"])
        #expect(cells[1]["source"] as? [String] == ["seed 7"])
        #expect(cells[1]["outputs"] as? [Any] != nil)
    }

    @Test func controlCharactersAndQuotesRoundTrip() throws {
        let text = "tab\there \"quoted\" back\\slash \u{1}\u{1B}[0m é 🧊\r\nnext"
        let nb = try parsed(Transcript(title: "", cells: [
            .code(TranscriptEntry(source: "x", outputs: [.text(text)], executionCount: 1))]))
        let cell = try #require((nb["cells"] as? [[String: Any]])?.first)
        let stream = try #require((cell["outputs"] as? [[String: Any]])?.first)
        #expect((stream["text"] as? [String])?.joined() == text + "\n")
        #expect((stream["text"] as? [String])?.count == 2)
    }

    @Test(.enabled(if: PythonCheck.has("nbformat")))
    func validatesWithNbformatAndJupyterWouldSaveItUnchanged() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = Transcript(title: "session", cells: [
            .code(TranscriptEntry(source: "x", outputs: [.text("a\u{2028}b\u{0C}c"), .note("n")], executionCount: 1)),
            .code(TranscriptEntry(source: "", outputs: [], executionCount: 2)),
            .markdown(""),
        ])
        for (name, transcript) in [("lesson", ExportSamples.transcript), ("session", session)] {
            let url = dir.appendingPathComponent("\(name).ipynb")
            try Notebook.write(transcript, to: url)
            let out = try PythonCheck.run("""
                import nbformat
                path = \(pythonString(url.path))
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
                assert nb.nbformat == 4 and nb.nbformat_minor == 5
                with open(path, encoding="utf-8") as f:
                    original = f.read()
                assert nbformat.writes(nb) + "\\n" == original, "Jupyter would rewrite the file"
                print(len(nb.cells))
                """)
            #expect(out == (name == "lesson" ? "8\n" : "4\n"))
        }
    }
}

/// A Python string literal for `text` (JSON string syntax is valid Python).
func pythonString(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: .withoutEscapingSlashes)
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
}
