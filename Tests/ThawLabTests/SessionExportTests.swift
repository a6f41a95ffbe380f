import Foundation
import Testing
import ThawLab
import TestSupport

/// `export` from a real session: the notebook validates, and the same seed gives the same bytes.
@Suite struct SessionExportTests {
    func exportRun(_ dir: URL, _ name: String) throws -> (notebook: Data, markdown: String) {
        let s = LabFixture.session()
        for line in ["r = train net on old epochs 2 track old new", "plot accuracy", "eval net on test",
                     "expect accuracy(net, old) > 0.99", "frezee net",
                     "export \"\(dir.path)/\(name).ipynb\"", "export \"\(dir.path)/\(name).md\""] {
            _ = s.run(line)
        }
        return (try Data(contentsOf: dir.appendingPathComponent("\(name).ipynb")),
                try String(contentsOf: dir.appendingPathComponent("\(name).md"), encoding: .utf8))
    }

    @Test func exportsAreDeterministicAndComplete() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try exportRun(dir, "a"), b = try exportRun(dir, "b")
        // The only difference allowed is the file names in the export commands themselves.
        func normalized(_ s: String, _ name: String) -> String {
            s.replacingOccurrences(of: "/\(name).", with: "/X.").replacingOccurrences(of: "\(name)-plot", with: "X-plot")
        }
        #expect(normalized(String(decoding: a.notebook, as: UTF8.self), "a") == normalized(String(decoding: b.notebook, as: UTF8.self), "b"))
        #expect(normalized(a.markdown, "a") == normalized(b.markdown, "b"))
        let text = String(decoding: a.notebook, as: UTF8.self)
        #expect(text.contains("image/svg+xml") && text.contains("CheckFailed") && text.contains("\"nbformat_minor\": 5"))
        #expect(a.markdown.contains("```thaw\nfrezee net\n```"))
    }

    @Test(.enabled(if: PythonCheck.has("nbformat")))
    func exportedSessionValidatesAgainstNbformat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try exportRun(dir, "s")
        let out = try PythonCheck.run("""
        import nbformat
        nb = nbformat.read('\(dir.path)/s.ipynb', as_version=4)
        nbformat.validate(nb)
        print(nb.nbformat, nb.nbformat_minor, len(nb.cells), all(c.get('id') for c in nb.cells))
        """)
        #expect(out.hasPrefix("4 5 ") && out.contains("True"), "\(out)")
    }
}
