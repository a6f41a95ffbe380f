import Foundation

/// A plot's points as every renderer draws them: non-finite points dropped (and, on a log
/// axis, points with y ≤ 0, and x ≤ 0 on a log x axis), each series cut into runs of drawable points, x and y already on
/// their axes' scales (log10 for `logX`, `logY`). The terminal and the SVG renderer both start from here,
/// so they show the same data.
struct PlotData {
    struct Line {
        var index: Int
        var name: String
        /// Runs of consecutive drawable points; a dropped point breaks the line.
        var runs: [[Plot.Point]]
        var pointCount: Int { runs.reduce(0) { $0 + $1.count } }
    }

    var lines: [Line]
    var logY: Bool
    var logX: Bool
    /// Bounds of the drawable points (y on the axis's scale); nil when nothing is drawable.
    var xBounds: ClosedRange<Double>?
    var yBounds: ClosedRange<Double>?

    init(_ plot: Plot) {
        logY = plot.logY
        logX = plot.logX
        var xs: [Double] = [], ys: [Double] = []
        lines = plot.series.enumerated().map { index, series in
            var runs: [[Plot.Point]] = [], run: [Plot.Point] = []
            for p in series.points {
                let y = plot.logY ? (p.y > 0 ? log10(p.y) : .nan) : p.y
                let x = plot.logX ? (p.x > 0 ? log10(p.x) : .nan) : p.x
                if x.isFinite, y.isFinite {
                    run.append(Plot.Point(x, y))
                    xs.append(x); ys.append(y)
                } else if !run.isEmpty {
                    runs.append(run); run = []
                }
            }
            if !run.isEmpty { runs.append(run) }
            return Line(index: index, name: series.name, runs: runs)
        }
        if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
            xBounds = x0...x1
            yBounds = y0...y1
        }
    }

    var isEmpty: Bool { xBounds == nil }

    /// A range widened when it is a single value, so that it can be mapped to a length.
    static func widened(_ r: ClosedRange<Double>, log: Bool = false) -> ClosedRange<Double> {
        guard r.lowerBound == r.upperBound else { return r }
        let v = r.lowerBound
        let d = log ? 0.5 : (v == 0 ? 1 : abs(v) * 0.1)
        return (v - d)...(v + d)
    }
}
