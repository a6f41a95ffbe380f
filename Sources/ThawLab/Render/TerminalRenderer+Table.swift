extension TerminalRenderer {
    /// A table with its title above; columns padded to their widest cell, right-aligned when
    /// the table says so or when every cell in the column is a number.
    public func render(_ table: Table) -> String {
        let grid = TableGrid(table)
        var lines: [String] = []
        if let title = table.title, !title.isEmpty { lines.append(paint.bold(title)) }
        switch style.tableBorders {
        case .boxed:
            func rule(_ l: String, _ m: String, _ r: String) -> String {
                l + grid.widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r
            }
            func row(_ cells: [String], header: Bool = false) -> String {
                "│ " + grid.cells(cells, header: header, paint: paint).joined(separator: " │ ") + " │"
            }
            lines.append(rule("┌", "┬", "┐"))
            lines.append(row(grid.columns, header: true))
            lines.append(rule("├", "┼", "┤"))
            lines += grid.rows.map { row($0) }
            if !grid.footer.isEmpty {
                lines.append(rule("├", "┼", "┤"))
                lines += grid.footer.map { row($0) }
            }
            lines.append(rule("└", "┴", "┘"))
        case .rules:
            let rule = grid.widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
            func row(_ cells: [String], header: Bool = false) -> String {
                TextLayout.trimTrailingSpaces(grid.cells(cells, header: header, paint: paint).joined(separator: "  "))
            }
            lines.append(row(grid.columns, header: true))
            lines.append(rule)
            lines += grid.rows.map { row($0) }
            if !grid.footer.isEmpty {
                lines.append(rule)
                lines += grid.footer.map { row($0) }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A table made rectangular, with column widths and alignments worked out.
struct TableGrid {
    var columns: [String]
    var rows: [[String]]
    var footer: [[String]]
    var widths: [Int]
    var rightAligned: [Bool]

    init(_ table: Table) {
        let count = max(table.columns.count, (table.rows + table.footer).map(\.count).max() ?? 0)
        func fill(_ cells: [String]) -> [String] {
            (0..<count).map { i in
                i < cells.count ? cells[i].replacingNewlines : ""
            }
        }
        columns = fill(table.columns)
        rows = table.rows.map(fill)
        footer = table.footer.map(fill)
        let all = [columns] + rows + footer
        widths = (0..<count).map { i in all.map { TextLayout.width($0[i]) }.max() ?? 0 }
        let body = rows + footer
        rightAligned = (0..<count).map { i in
            if i < table.alignments.count, table.alignments[i] == .right { return true }
            let cells = body.map { String($0[i].trimmingSpaces) }.filter { !TableGrid.placeholders.contains($0) }
            return !cells.isEmpty && cells.allSatisfy(TableGrid.looksNumeric)
        }
    }

    func cells(_ row: [String], header: Bool, paint: TerminalPaint) -> [String] {
        row.enumerated().map { i, cell in
            let padded = TextLayout.pad(cell, to: widths[i], right: rightAligned[i])
            return header ? paint.bold(padded) : padded
        }
    }

    /// Cells that stand for "no value" and do not decide a column's alignment.
    static let placeholders: Set<String> = ["", "-", "—", "–", "n/a"]

    /// A number as tables show them: `8,320`, `-0.25`, `97.3%`, `1e-3`, `×2.5`, `2.5x`, `+3.1`.
    static func looksNumeric(_ cell: String) -> Bool {
        var s = Substring(cell)
        if let first = s.first, "×+-−".contains(first) { s = s.dropFirst() }
        if let last = s.last, "%×x".contains(last) { s = s.dropLast() }
        let plain = s.filter { $0 != "," }
        guard let first = plain.first, first.isNumber || first == "." || plain == "nan" || plain == "inf" else {
            return false
        }
        return Double(plain) != nil
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
