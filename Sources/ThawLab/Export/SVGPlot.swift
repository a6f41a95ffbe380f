import Foundation
import ThawText

/// Line plots as SVG: title, legend, axes with round 1-2-5 ticks (or decades on a log axis),
/// light grid, axis labels, one colour-blind-safe colour a series. The same points as the
/// terminal plot (both start from `PlotData`), and the same bytes for the same plot: numbers
/// are written with fixed rules, never with locale- or platform-dependent formatting.
///
/// The SVG has no XML declaration and no `id`s, so it can be saved as a file, inlined in HTML
/// or Markdown, or embedded in a notebook next to other plots.
public enum SVGPlot {
    /// The Okabe–Ito palette without its yellow (too pale on white): blue, orange, bluish
    /// green, vermillion, reddish purple, sky blue, black. Series past the seventh reuse it,
    /// dashed.
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]

    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

    /// The plot as an SVG document of `width` × `height` pixels, ending in a newline.
    public static func render(_ plot: Plot, width: Int = 640, height: Int = 400) -> String {
        SVGLayout(plot: plot, width: Double(max(width, 160)), height: Double(max(height, 120))).svg()
    }


    /// Rough width of `text` in a sans-serif face at `size` px (for layout, not for drawing).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(TextLayout.width(text)) * size * 0.6
    }
}

/// Where everything goes in one SVG plot.
struct SVGLayout {
    let plot: Plot
    let width: Double, height: Double
    let data: PlotData
    let xAxis: AxisTicks, yAxis: AxisTicks

    static let tickSize = 12.0, labelSize = 13.0, titleSize = 16.0
    static let markerLimit = 40

    init(plot: Plot, width: Double, height: Double) {
        self.plot = plot
        self.width = width
        self.height = height
        data = PlotData(plot)
        let xb = data.xBounds ?? 0...1, yb = data.yBounds ?? 0...1
        xAxis = plot.logX ? AxisTicks.log(xb.lowerBound, xb.upperBound)
                          : AxisTicks.linear(xb.lowerBound, xb.upperBound)
        yAxis = plot.logY ? AxisTicks.log(yb.lowerBound, yb.upperBound)
                          : AxisTicks.linear(yb.lowerBound, yb.upperBound)
    }

    func n(_ v: Double) -> String { NumberText.coordinate(v) }

    func color(_ index: Int) -> String { SVGPlot.palette[index % SVGPlot.palette.count] }

    func seriesName(_ line: PlotData.Line) -> String {
        line.name.isEmpty ? "series \(line.index + 1)" : line.name
    }

    /// Legend entries placed in rows from `left` to `right`: (series, x, row).
    func legendPlacement(left: Double, right: Double) -> [(line: PlotData.Line, x: Double, row: Int)] {
        var placed: [(PlotData.Line, Double, Int)] = []
        var x = left, row = 0
        for line in data.lines {
            let w = 28 + SVGPlot.textWidth(seriesName(line), size: SVGLayout.tickSize)
            if x > left, x + w > right { x = left; row += 1 }
            placed.append((line, x, row))
            x += w + 20
        }
        return placed
    }

    func svg() -> String {
        let yLabelWidth = yAxis.ticks.map { SVGPlot.textWidth($0.label, size: SVGLayout.tickSize) }.max() ?? 0
        let left = (12 + (plot.yLabel.isEmpty ? 0 : 24) + yLabelWidth + 10).rounded()
        let right = width - 24
        var top = 16.0
        let titleBaseline = 30.0
        if !plot.title.isEmpty { top = 44 }
        let legend = legendPlacement(left: left, right: right)
        let legendRows = (legend.map(\.row).max() ?? -1) + 1
        let legendTop = top
        top += Double(legendRows) * 20 + (legendRows > 0 ? 4 : 0)
        let plotTop = top + 6
        let plotBottom = height - (plot.xLabel.isEmpty ? 32 : 52)
        func sx(_ x: Double) -> Double {
            left + (x - xAxis.lower) / (xAxis.upper - xAxis.lower) * (right - left)
        }
        func sy(_ y: Double) -> Double {
            plotBottom - (y - yAxis.lower) / (yAxis.upper - yAxis.lower) * (plotBottom - plotTop)
        }

        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                   + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(SVGPlot.fontFamily)\" "
                   + "font-size=\"\(n(SVGLayout.tickSize))\">")
        out.append("  <title>\(XMLText.escaped(plot.title.isEmpty ? "plot" : plot.title))</title>")
        out.append("  <rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>")

        // Grid, axes and ticks.
        if !yAxis.minor.isEmpty {
            out.append("  <g stroke=\"#f2f2f2\" stroke-width=\"1\">")
            for m in yAxis.minor {
                out.append("    <line x1=\"\(n(left))\" y1=\"\(n(sy(m)))\" x2=\"\(n(right))\" y2=\"\(n(sy(m)))\"/>")
            }
            out.append("  </g>")
        }
        out.append("  <g stroke=\"#e6e6e6\" stroke-width=\"1\">")
        for t in xAxis.ticks where sx(t.position) > left + 0.5 {
            out.append("    <line x1=\"\(n(sx(t.position)))\" y1=\"\(n(plotTop))\" x2=\"\(n(sx(t.position)))\" y2=\"\(n(plotBottom))\"/>")
        }
        for t in yAxis.ticks where sy(t.position) < plotBottom - 0.5 {
            out.append("    <line x1=\"\(n(left))\" y1=\"\(n(sy(t.position)))\" x2=\"\(n(right))\" y2=\"\(n(sy(t.position)))\"/>")
        }
        out.append("  </g>")
        out.append("  <g stroke=\"#444444\" stroke-width=\"1\">")
        out.append("    <line x1=\"\(n(left))\" y1=\"\(n(plotBottom))\" x2=\"\(n(right))\" y2=\"\(n(plotBottom))\"/>")
        out.append("    <line x1=\"\(n(left))\" y1=\"\(n(plotTop))\" x2=\"\(n(left))\" y2=\"\(n(plotBottom))\"/>")
        for t in xAxis.ticks {
            out.append("    <line x1=\"\(n(sx(t.position)))\" y1=\"\(n(plotBottom))\" x2=\"\(n(sx(t.position)))\" y2=\"\(n(plotBottom + 5))\"/>")
        }
        for m in yAxis.minor {
            out.append("    <line x1=\"\(n(left - 3))\" y1=\"\(n(sy(m)))\" x2=\"\(n(left))\" y2=\"\(n(sy(m)))\"/>")
        }
        for t in yAxis.ticks {
            out.append("    <line x1=\"\(n(left - 5))\" y1=\"\(n(sy(t.position)))\" x2=\"\(n(left))\" y2=\"\(n(sy(t.position)))\"/>")
        }
        out.append("  </g>")
        out.append("  <g fill=\"#333333\" text-anchor=\"middle\">")
        for t in xAxis.ticks {
            out.append("    <text x=\"\(n(sx(t.position)))\" y=\"\(n(plotBottom + 20))\">\(XMLText.escaped(t.label))</text>")
        }
        out.append("  </g>")
        out.append("  <g fill=\"#333333\" text-anchor=\"end\">")
        for t in yAxis.ticks {
            out.append("    <text x=\"\(n(left - 8))\" y=\"\(n(sy(t.position) + 4))\">\(XMLText.escaped(t.label))</text>")
        }
        out.append("  </g>")

        // Title and axis labels.
        if !plot.title.isEmpty {
            out.append("  <text x=\"\(n(width / 2))\" y=\"\(n(titleBaseline))\" text-anchor=\"middle\" "
                       + "font-size=\"\(n(SVGLayout.titleSize))\" font-weight=\"bold\" fill=\"#222222\">\(XMLText.escaped(plot.title))</text>")
        }
        if !plot.xLabel.isEmpty {
            out.append("  <text x=\"\(n((left + right) / 2))\" y=\"\(n(height - 14))\" text-anchor=\"middle\" "
                       + "font-size=\"\(n(SVGLayout.labelSize))\" fill=\"#222222\">\(XMLText.escaped(plot.xLabel))</text>")
        }
        let yTitle = plot.yLabel + (plot.logY ? (plot.yLabel.isEmpty ? "log scale" : " (log scale)") : "")
        if !yTitle.isEmpty {
            out.append("  <text transform=\"translate(26 \(n((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\" "
                       + "font-size=\"\(n(SVGLayout.labelSize))\" fill=\"#222222\">\(XMLText.escaped(yTitle))</text>")
        }

        // The series: one path each (a dropped point breaks it), markers when points are few.
        if data.isEmpty {
            out.append("  <text x=\"\(n((left + right) / 2))\" y=\"\(n((plotTop + plotBottom) / 2))\" text-anchor=\"middle\" fill=\"#777777\">no data</text>")
        }
        out.append("  <g fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
        for line in data.lines where line.pointCount > 0 {
            let d = line.runs.map { run in
                run.enumerated().map { i, p in (i == 0 ? "M" : "L") + n(sx(p.x)) + " " + n(sy(p.y)) }.joined(separator: " ")
            }.joined(separator: " ")
            out.append("    <path d=\"\(d)\" stroke=\"\(color(line.index))\"\(dash(line.index))/>")
        }
        out.append("  </g>")
        let marked = data.lines.filter { $0.pointCount > 0 }
        if !marked.isEmpty {
            out.append("  <g stroke=\"none\">")
            for line in marked {
                for run in line.runs where line.pointCount <= SVGLayout.markerLimit || run.count == 1 {
                    for p in run {
                        out.append("    <circle cx=\"\(n(sx(p.x)))\" cy=\"\(n(sy(p.y)))\" r=\"2.5\" fill=\"\(color(line.index))\"/>")
                    }
                }
            }
            out.append("  </g>")
        }

        // Legend: a short line in the series' colour and dash, and its name.
        if !legend.isEmpty {
            out.append("  <g fill=\"#222222\">")
            for entry in legend {
                let y = legendTop + Double(entry.row) * 20 + 10
                out.append("    <line x1=\"\(n(entry.x))\" y1=\"\(n(y - 4))\" x2=\"\(n(entry.x + 22))\" y2=\"\(n(y - 4))\" "
                           + "stroke=\"\(color(entry.line.index))\" stroke-width=\"2.5\"\(dash(entry.line.index))/>")
                out.append("    <text x=\"\(n(entry.x + 28))\" y=\"\(n(y))\">\(XMLText.escaped(seriesName(entry.line)))</text>")
            }
            out.append("  </g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    func dash(_ index: Int) -> String {
        index >= SVGPlot.palette.count ? " stroke-dasharray=\"6 4\"" : ""
    }
}
