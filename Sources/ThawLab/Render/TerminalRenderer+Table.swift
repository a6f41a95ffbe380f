import ThawText

extension TerminalRenderer {
    /// A table with its title above; columns padded to their widest cell, right-aligned when
    /// the table says so or when every cell in the column is a number. With a width, the
    /// widest text columns give up space first and their cells wrap at word boundaries, so the
    /// table fits; only when that cannot be enough (too many columns) are lines cut.
    public func render(_ table: Table) -> String {
        var grid = TableGrid(table)
        let borders = style.tableBorders
        if let width = style.width { grid.fit(into: width - borders.overhead(columns: grid.widths.count)) }
        var lines: [String] = []
        if let title = table.title, !title.isEmpty {
            lines += TextWrap.lines(title, width: style.width).map(paint.bold)
        }
        switch borders {
        case .boxed:
            func rule(_ l: String, _ m: String, _ r: String) -> String {
                l + grid.widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r
            }
            func row(_ cells: [String], header: Bool = false) -> [String] {
                grid.lines(cells, header: header, paint: paint).map { "│ " + $0.joined(separator: " │ ") + " │" }
            }
            lines.append(rule("┌", "┬", "┐"))
            lines += row(grid.columns, header: true)
            lines.append(rule("├", "┼", "┤"))
            lines += grid.rows.flatMap { row($0) }
            if !grid.footer.isEmpty {
                lines.append(rule("├", "┼", "┤"))
                lines += grid.footer.flatMap { row($0) }
            }
            lines.append(rule("└", "┴", "┘"))
        case .rules:
            let rule = grid.widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
            func row(_ cells: [String], header: Bool = false) -> [String] {
                grid.lines(cells, header: header, paint: paint).map { TextLayout.trimTrailingSpaces($0.joined(separator: "  ")) }
            }
            lines += row(grid.columns, header: true)
            lines.append(rule)
            lines += grid.rows.flatMap { row($0) }
            if !grid.footer.isEmpty {
                lines.append(rule)
                lines += grid.footer.flatMap { row($0) }
            }
        }
        guard let width = style.width else { return lines.joined(separator: "\n") }
        return lines.map { TextLayout.clip($0, to: width, paint: paint) }.joined(separator: "\n")
    }
}

extension TerminalStyle.TableBorders {
    /// Columns a table of `columns` columns spends on borders and gaps.
    func overhead(columns: Int) -> Int {
        switch self {
        case .boxed: 3 * columns + 1          // "│ " + " │ " between cells + " │"
        case .rules: 2 * max(0, columns - 1)  // two spaces between cells
        }
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

    /// Columns never narrowed below this by `fit` (a narrower one already keeps its width).
    static let narrowest = 6

    /// Narrows columns until together they take at most `room` cells. The widest give up a
    /// cell at a time, text columns before numeric ones (a number cut in two misleads), none
    /// below `narrowest`; their cells then wrap in `lines`.
    mutating func fit(into room: Int) {
        // First a header wider than its column's cells wraps at its spaces (`grad norm`
        // over a column of `–`): that costs nothing of the data.
        let floors = widths.indices.map { i in
            max(([rows, footer].joined().map { TextLayout.width($0[i]) }.max() ?? 0),
                columns[i].split(separator: " ").map { TextLayout.width($0) }.max() ?? 0)
        }
        while widths.reduce(0, +) > room,
              let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
        for numbersToo in [false, true] {
            let candidates = widths.indices.filter { numbersToo || !rightAligned[$0] }
            while widths.reduce(0, +) > room,
                  let widest = candidates.max(by: { widths[$0] < widths[$1] }), widths[widest] > Self.narrowest {
                widths[widest] -= 1
            }
        }
    }

    /// A row as the lines it takes on screen: each cell wrapped at word boundaries to its
    /// column's width (only when wider) and padded; header cells bold.
    func lines(_ row: [String], header: Bool, paint: TerminalPaint) -> [[String]] {
        let wrapped = row.enumerated().map { i, cell in
            TextLayout.width(cell) <= widths[i] ? [cell] : TextWrap.lines(cell, width: widths[i])
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            wrapped.enumerated().map { i, pieces in
                let padded = TextLayout.pad(line < pieces.count ? pieces[line] : "", to: widths[i], right: rightAligned[i])
                return header ? paint.bold(padded) : padded
            }
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
