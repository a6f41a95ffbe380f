import Foundation
import ThawData

/// A transcript as Markdown: prose as is, each command in a ```` ```thaw ```` fence, its text
/// outputs (messages, metrics, checks, errors, notes) in a ```` ```text ```` fence as the
/// terminal shows them without colour, tables as Markdown tables, and plots as SVG files
/// beside the Markdown file (`NAME-plot-1.svg`, `NAME-plot-2.svg`, … in order), linked with
/// `![title](NAME-plot-1.svg)` — or, when asked, inline `<svg>` elements.
public enum MarkdownExport {
    /// A file to write beside the Markdown file.
    public struct File: Sendable, Equatable {
        /// The file's name (no folder), e.g. `lesson-plot-1.svg`.
        public var name: String
        public var contents: String
    }

    /// The Markdown text and the plot files it links to.
    public struct Document: Sendable, Equatable {
        public var markdown: String
        public var files: [File]
    }

    /// The Markdown for a transcript written as `NAME.md`, with its plots named after `name`.
    public static func render(_ transcript: Transcript, name: String, inlinePlots: Bool = false) -> Document {
        var blocks: [String] = []
        var files: [File] = []
        let plain = TerminalRenderer(style: .plain)
        for cell in ExportCells.cells(of: transcript) {
            switch cell {
            case .markdown(let prose):
                let text = ExportCells.trimEnd(prose)
                if !text.isEmpty { blocks.append(text) }
            case .code(let entry):
                blocks.append(fenced(ExportCells.trimEnd(entry.source), info: "thaw"))
                var text: [String] = []
                func flush() {
                    if !text.isEmpty { blocks.append(fenced(text.joined(separator: "\n"), info: "text")) }
                    text = []
                }
                for output in entry.outputs {
                    switch output {
                    case .table(let table):
                        flush()
                        blocks.append(markdownTable(table))
                    case .plot(let plot):
                        flush()
                        let svg = SVGPlot.render(plot)
                        if inlinePlots {
                            blocks.append(ExportCells.trimEnd(svg))
                        } else {
                            let file = "\(name)-plot-\(files.count + 1).svg"
                            files.append(File(name: file, contents: svg))
                            blocks.append("![\(escapeInline(plot.title.isEmpty ? "plot" : plot.title))](\(linkPath(file)))")
                        }
                    default:
                        text.append(plain.render(output))
                    }
                }
                flush()
            }
        }
        return Document(markdown: blocks.joined(separator: "\n\n") + "\n", files: files)
    }

    /// Writes the Markdown to `url` and its plot files beside it, named after the file
    /// (`lesson.md` → `lesson-plot-1.svg`); returns every file written, the Markdown first.
    @discardableResult
    public static func write(_ transcript: Transcript, to url: URL, inlinePlots: Bool = false) throws -> [URL] {
        let name = url.deletingPathExtension().lastPathComponent
        let document = render(transcript, name: name, inlinePlots: inlinePlots)
        let folder = url.deletingLastPathComponent()
        try SafeWrite.write(document.markdown, to: url)
        var written = [url]
        for file in document.files {
            let fileURL = folder.appendingPathComponent(file.name)
            try SafeWrite.write(file.contents, to: fileURL)
            written.append(fileURL)
        }
        return written
    }

    /// `body` in a fence of `info`, with more backticks than any run inside it.
    static func fenced(_ body: String, info: String) -> String {
        var longest = 0, run = 0
        for c in body {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + body + "\n" + fence
    }

    /// A GitHub-flavoured Markdown table: the title in bold above it, `|` escaped in cells,
    /// footer rows (totals) in bold after the body.
    static func markdownTable(_ table: Table) -> String {
        let grid = TableGrid(table)
        func row(_ cells: [String], bold: Bool = false) -> String {
            "| " + cells.map { cell -> String in
                let text = escapeCell(cell)
                return bold && !text.isEmpty ? "**\(text)**" : text
            }.joined(separator: " | ") + " |"
        }
        var lines: [String] = []
        if let title = table.title, !title.isEmpty { lines += ["**\(escapeInline(title))**", ""] }
        lines.append(row(grid.columns))
        lines.append("|" + grid.rightAligned.map { $0 ? " ---: " : " :--- " }.joined(separator: "|") + "|")
        lines += grid.rows.map { row($0) }
        lines += grid.footer.map { row($0, bold: true) }
        return lines.joined(separator: "\n")
    }

    static func escapeCell(_ cell: String) -> String {
        cell.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text safe inside link text or bold: brackets, asterisks and underscores escaped.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\[]*_`<>".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    /// A file name as a relative link: anything but unreserved characters percent-encoded.
    static func linkPath(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
