import Foundation

/// A line plot drawn with Unicode in a terminal: a title, the y label, a canvas with the
/// y axis's min and max ticks, the x axis with its min and max ticks, the x label and a legend.
///
/// The canvas uses braille dots (2×4 dots a cell) when the series can be told apart by colour
/// or when there is only one; without colour, two or more series are drawn one glyph a cell,
/// each series with its own glyph (`•`, `×`, `+`, …), so the legend still tells them apart.
struct TerminalPlot {
    static let glyphs: [Character] = ["•", "×", "+", "o", "*", "#", "%", "@"]

    let plot: Plot
    /// Total width in columns, tick labels included.
    let width: Int
    /// Rows of the canvas.
    let height: Int
    let paint: TerminalPaint

    func render() -> String {
        let data = PlotData(plot)
        var out: [String] = []
        guard let xb = data.xBounds, let yb = data.yBounds else {
            if !plot.title.isEmpty { out.append(paint.bold(plot.title)) }
            out.append(paint.dim("(nothing to plot)"))
            return out.joined(separator: "\n")
        }
        let xr = PlotData.widened(xb, log: data.logX), yr = PlotData.widened(yb, log: data.logY)

        var topLabel = yLabel(yr.upperBound, yr), bottomLabel = yLabel(yr.lowerBound, yr)
        if data.logY, topLabel.contains("e") || bottomLabel.contains("e") {
            topLabel = NumberText.scientific(pow(10, yr.upperBound))
            bottomLabel = NumberText.scientific(pow(10, yr.lowerBound))
        }
        let gutter = max(TextLayout.width(topLabel), TextLayout.width(bottomLabel)) + 1
        let cols = max(8, width - gutter - 1)
        let rows = max(2, height)
        let drawn = data.lines.filter { $0.pointCount > 0 }
        let braille = paint.enabled || drawn.count <= 1

        var canvas = Canvas(cols: cols, rows: rows, braille: braille)
        for line in data.lines {
            for run in line.runs {
                var previous: (Int, Int)?
                for p in run {
                    let q = canvas.dot(x: (p.x - xr.lowerBound) / (xr.upperBound - xr.lowerBound),
                                       y: (p.y - yr.lowerBound) / (yr.upperBound - yr.lowerBound))
                    canvas.line(from: previous ?? q, to: q, series: line.index)
                    previous = q
                }
                // A lone point would be a single braille dot; draw it as a 2×2 block.
                if run.count == 1, braille, let q = previous {
                    canvas.line(from: (q.0, q.1 + 1), to: (q.0 + 1, q.1), series: line.index)
                    canvas.set(q.0 + 1, q.1 + 1, series: line.index)
                }
            }
        }

        let indent = String(repeating: " ", count: gutter + 1)
        if !plot.title.isEmpty {
            let lead = gutter + 1 + max(0, (cols - TextLayout.width(plot.title)) / 2)
            out.append(String(repeating: " ", count: lead) + paint.bold(plot.title))
        }
        let yTitle = plot.yLabel + (plot.logY ? (plot.yLabel.isEmpty ? "log scale" : " (log scale)") : "")
        if !yTitle.isEmpty { out.append(yTitle) }
        for r in 0..<rows {
            let label = r == 0 ? topLabel : (r == rows - 1 ? bottomLabel : "")
            let axis = (r == 0 || r == rows - 1) ? "┤" : "│"
            out.append(TextLayout.pad(label, to: gutter - 1, right: true) + " " + axis + canvas.row(r, paint: paint))
        }
        out.append(String(repeating: " ", count: gutter) + "└┬" + String(repeating: "─", count: cols - 2) + "┬")
        let left = xLabel(xr.lowerBound, xr), right = xLabel(xr.upperBound, xr)
        let gap = max(1, cols - TextLayout.width(left) - TextLayout.width(right))
        out.append(indent + left + String(repeating: " ", count: gap) + right)
        if !plot.xLabel.isEmpty {
            out.append(indent + TextLayout.center(plot.xLabel, in: cols))
        }
        out += legend(data.lines, braille: braille, indent: indent)
        return out.map { TextLayout.trimTrailingSpaces($0) }.joined(separator: "\n")
    }

    func yLabel(_ v: Double, _ r: ClosedRange<Double>) -> String {
        if plot.logY { return NumberText.significant(pow(10, v)) }
        return NumberText.axis(v, span: r.upperBound - r.lowerBound,
                               magnitude: max(abs(r.lowerBound), abs(r.upperBound)))
    }

    func xLabel(_ v: Double, _ r: ClosedRange<Double>) -> String {
        if plot.logX { return NumberText.scientific(pow(10, v)) }
        return NumberText.axis(v, span: r.upperBound - r.lowerBound,
                        magnitude: max(abs(r.lowerBound), abs(r.upperBound)))
    }

    /// One entry a series (its mark and name), wrapped to the plot's width.
    func legend(_ lines: [PlotData.Line], braille: Bool, indent: String) -> [String] {
        guard !lines.isEmpty else { return [] }
        let entries = lines.map { line -> (plain: Int, text: String) in
            let mark = braille ? "──" : String(TerminalPlot.glyphs[line.index % TerminalPlot.glyphs.count])
            let name = line.name.isEmpty ? "series \(line.index + 1)" : line.name
            return (TextLayout.width(mark) + 1 + TextLayout.width(name),
                    paint.series(line.index, mark) + " " + name)
        }
        var result: [String] = [], current = "", used = 0
        let room = max(1, width - indent.count)
        for entry in entries {
            if used > 0, used + 3 + entry.plain > room {
                result.append(indent + current)
                current = ""; used = 0
            }
            if used > 0 { current += "   "; used += 3 }
            current += entry.text; used += entry.plain
        }
        result.append(indent + current)
        return result
    }
}

/// The drawing area: one cell a character; in braille mode each cell holds 2×4 dots.
struct Canvas {
    let cols: Int, rows: Int, braille: Bool
    var bits: [UInt8]
    /// The series that last drew in each cell (its colour or glyph), -1 for none.
    var owner: [Int]

    init(cols: Int, rows: Int, braille: Bool) {
        self.cols = cols; self.rows = rows; self.braille = braille
        bits = Array(repeating: 0, count: cols * rows)
        owner = Array(repeating: -1, count: cols * rows)
    }

    var dotsWide: Int { cols * (braille ? 2 : 1) }
    var dotsHigh: Int { rows * (braille ? 4 : 1) }

    /// The dot for a point given as fractions of the axes (0…1, y up).
    func dot(x: Double, y: Double) -> (Int, Int) {
        let x = x.isFinite ? x : 0, y = y.isFinite ? y : 0
        let px = Int((min(max(x, 0), 1) * Double(dotsWide - 1)).rounded())
        let py = Int(((1 - min(max(y, 0), 1)) * Double(dotsHigh - 1)).rounded())
        return (px, py)
    }

    /// Braille dot bits by (column, row) inside a cell: dots 1-2-3-7 left, 4-5-6-8 right.
    static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(_ px: Int, _ py: Int, series: Int) {
        guard px >= 0, py >= 0, px < dotsWide, py < dotsHigh else { return }
        if braille {
            let cell = (py / 4) * cols + px / 2
            bits[cell] |= Canvas.brailleBits[px % 2][py % 4]
            owner[cell] = series
        } else {
            owner[py * cols + px] = series
        }
    }

    /// Bresenham's line between two dots, both ends included.
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, series: series)
            if x == b.0 && y == b.1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    func character(_ cell: Int) -> Character {
        if braille {
            return bits[cell] == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(bits[cell]))!)
        }
        return owner[cell] < 0 ? " " : TerminalPlot.glyphs[owner[cell] % TerminalPlot.glyphs.count]
    }

    /// Row `r` up to its last mark, each run of cells in its series' colour.
    func row(_ r: Int, paint: TerminalPaint) -> String {
        let start = r * cols
        guard let last = (start ..< start + cols).last(where: { owner[$0] >= 0 }) else { return "" }
        var out = "", run = "", runOwner = -2
        for cell in start...last {
            let o = owner[cell]
            if o != runOwner {
                out += runOwner >= 0 ? paint.series(runOwner, run) : run
                run = ""; runOwner = o
            }
            run.append(character(cell))
        }
        out += runOwner >= 0 ? paint.series(runOwner, run) : run
        return out
    }
}
