import Foundation
import ThawText
import ThawData

/// A transcript as a Jupyter notebook (nbformat 4.5).
///
/// Prose becomes Markdown cells; each command a code cell with its execution count and its
/// outputs: text, metrics, notes and passed checks as `stdout` stream text (consecutive ones
/// merged, as Jupyter merges them); tables as `display_data` with `text/html` and a
/// `text/plain` fallback; plots as `display_data` with `image/svg+xml` and the terminal plot as
/// `text/plain`; errors and failed checks as `error` outputs, whose traceback is the terminal
/// rendering with its red mark (Jupyter shows tracebacks with their ANSI colours).
///
/// Cell ids are `<kind>-<position>-<hash of the cell's text>`, and the JSON is written exactly
/// as Jupyter writes it (sorted keys, one-space indent, trailing newline), so exporting the same
/// run twice gives identical bytes and opening and saving the notebook in Jupyter changes nothing.
public enum Notebook {
    /// The notebook as JSON text.
    public static func render(_ transcript: Transcript) -> String {
        let cells = ExportCells.cells(of: transcript).enumerated().map { i, cell in
            json(cell, position: i + 1)
        }
        var metadata: [String: NotebookJSON] = [
            "kernelspec": .object(["name": .string("thaw"), "display_name": .string("Thaw"),
                                   "language": .string("thaw")]),
            "language_info": .object(["name": .string("thaw")]),
        ]
        if !transcript.title.isEmpty { metadata["title"] = .string(transcript.title) }
        let notebook = NotebookJSON.object([
            "cells": .array(cells),
            "metadata": .object(metadata),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
        return notebook.encoded() + "\n"
    }

    /// Writes the notebook to `url` (UTF-8), replacing any file there.
    public static func write(_ transcript: Transcript, to url: URL) throws {
        // SafeWrite makes the folder a learner names (`--notebook runs/lesson4.ipynb`), as `save` does.
        try SafeWrite.write(render(transcript), to: url)
    }

    /// A valid nbformat 4.5 cell id (1–64 of `[a-zA-Z0-9-_]`), the same for the same cell at
    /// the same position.
    static func cellID(kind: String, position: Int, text: String) -> String {
        let hash = String(ExportCells.fnv1a(text) >> 32, radix: 16)
        return "\(kind)-\(position)-" + String(repeating: "0", count: 8 - hash.count) + hash
    }

    static func json(_ cell: Transcript.Cell, position: Int) -> NotebookJSON {
        switch cell {
        case .markdown(let prose):
            let source = ExportCells.trimEnd(prose)
            return .object([
                "cell_type": .string("markdown"),
                "id": .string(cellID(kind: "md", position: position, text: source)),
                "metadata": .object([:]),
                "source": NotebookJSON.lines(source),
            ])
        case .code(let entry):
            let source = ExportCells.trimEnd(entry.source)
            return .object([
                "cell_type": .string("code"),
                "execution_count": entry.executionCount >= 0 ? .int(entry.executionCount) : .null,
                "id": .string(cellID(kind: "code", position: position, text: source)),
                "metadata": .object([:]),
                "outputs": .array(outputs(entry.outputs)),
                "source": NotebookJSON.lines(source),
            ])
        }
    }

    static func outputs(_ outputs: [Output]) -> [NotebookJSON] {
        // A notebook keeps the outputs' bytes (JSON escapes them; Jupyter draws them itself).
        var plain = TerminalRenderer(style: .plain)
        plain.escapesControlCharacters = false
        var colored = TerminalRenderer(style: TerminalStyle(color: true))
        colored.escapesControlCharacters = false
        var result: [NotebookJSON] = []
        var stdout = ""
        func flush() {
            guard !stdout.isEmpty else { return }
            result.append(.object(["output_type": .string("stream"), "name": .string("stdout"),
                                   "text": NotebookJSON.lines(stdout)]))
            stdout = ""
        }
        for output in outputs {
            switch output {
            case .text, .preformatted, .markdown, .metrics, .note:
                stdout += plain.render(output) + "\n"
            case .check(let check) where check.passed:
                stdout += plain.render(output) + "\n"
            case .check(let check):
                flush()
                result.append(error(name: "CheckFailed", value: plain.render(check),
                                    traceback: colored.render(output)))
            case .error(let message):
                flush()
                result.append(error(name: "Error", value: message, traceback: colored.render(output)))
            case .table(let table):
                flush()
                result.append(display([
                    "text/html": NotebookJSON.lines(HTMLTable.render(table)),
                    "text/plain": NotebookJSON.lines(plain.render(table)),
                ]))
            case .plot(let plot):
                flush()
                result.append(display([
                    "image/svg+xml": NotebookJSON.lines(SVGPlot.render(plot)),
                    "text/plain": NotebookJSON.lines(plain.render(plot)),
                ]))
            }
        }
        flush()
        return result
    }

    static func error(name: String, value: String, traceback: String) -> NotebookJSON {
        .object(["output_type": .string("error"), "ename": .string(name), "evalue": .string(value),
                 "traceback": .array(TextLayout.lines(traceback).map { .string($0) })])
    }

    static func display(_ data: [String: NotebookJSON]) -> NotebookJSON {
        .object(["output_type": .string("display_data"), "data": .object(data), "metadata": .object([:])])
    }
}

/// A table as HTML for notebooks: caption, header, body and footer, each cell aligned as in
/// the terminal (numbers right).
enum HTMLTable {
    static func render(_ table: Table) -> String {
        let grid = TableGrid(table)
        func row(_ cells: [String], tag: String) -> String {
            "<tr>" + cells.enumerated().map { i, cell in
                "<\(tag) style=\"text-align: \(grid.rightAligned[i] ? "right" : "left")\">\(XMLText.escaped(cell))</\(tag)>"
            }.joined() + "</tr>"
        }
        var lines = ["<table>"]
        if let title = table.title, !title.isEmpty { lines.append("<caption>\(XMLText.escaped(title))</caption>") }
        lines += ["<thead>", row(grid.columns, tag: "th"), "</thead>", "<tbody>"]
        lines += grid.rows.map { row($0, tag: "td") }
        lines.append("</tbody>")
        if !grid.footer.isEmpty {
            lines.append("<tfoot>")
            lines += grid.footer.map { row($0, tag: "td") }
            lines.append("</tfoot>")
        }
        lines.append("</table>")
        return lines.joined(separator: "\n")
    }

}
