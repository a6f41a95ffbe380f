import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `sample` and `plot`.
extension SampleCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        guard let context = (labModel.module as? GPT)?.config.context ?? (labModel.module as? PromptTuned).map({ $0.model.config.context - $0.length }) else {
            throw LabError("`\(name)` is not a language model: `sample` needs a `gpt`", at: model.range)
        }
        let longest = Swift.min(length, context - 1)
        let vocabulary = Vocabulary.words
        var words: [String] = []
        Tensor.withoutGrad {
            for _ in 0..<count {
                var ids = [Vocabulary.start] + vocabulary.encode(start)
                while ids.count <= longest {
                    let logits = labModel.module(Tensor(ids.map(Float.init), shape: [1, ids.count]))
                    let last = Array(logits.data.suffix(vocabulary.size))
                    let next = session.draw(last, temperature: Float(temperature))
                    if next == Vocabulary.end || next == Vocabulary.pad { break }
                    ids.append(next)
                }
                words.append(vocabulary.decode(ids.dropFirst()))
            }
        }
        return CommandResult(outputs: [.preformatted(words.joined(separator: "\n"))])
    }
}

extension Session {
    /// Draws a token from softmax(logits / temperature) with the session's generator.
    func draw(_ logits: [Float], temperature: Float) -> Int {
        let top = logits.max() ?? 0
        let weights = logits.map { expf(($0 - top) / temperature) }
        var u = rng.uniform() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            u -= w
            if u <= 0 { return i }
        }
        return weights.count - 1
    }

}

extension PlotCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var runs: [(String, LabRun)] = try of.map { ("\($0)", try session.trainingRun($0)) }
        if runs.isEmpty {
            guard let last = session.lastRun else { throw LabError("there is no run to plot yet: train a model first", at: written.command.range) }
            runs = [(last.model, last)]
        }
        var series: [Plot.Series] = []
        let prefix: (String) -> String = { runs.count > 1 ? "\($0): " : "" }
        for (label, r) in runs {
            switch what {
            case .loss:
                series.append(.init(name: prefix(label) + "train loss", points: Self.smoothed(r.history.steps.map { (Double($0.step), Double($0.loss)) })))
                let valid = r.history.epochs.compactMap { e in e.validLoss.map { Plot.Point(Double(e.step), $0) } }
                if !valid.isEmpty { series.append(.init(name: prefix(label) + "val loss", points: valid)) }
            case .lr:
                // What each group's rate actually was: 0 while the group was frozen (dropped on a log axis).
                let active = r.trainableGroups
                for (g, group) in r.history.groupNames.enumerated() {
                    series.append(.init(name: prefix(label) + group, points: r.history.steps.enumerated().map { i, s in
                        let trains = i < active.count && g < active[i].count ? active[i][g] : true
                        return Plot.Point(Double(s.step), trains ? Double(s.rates[g]) : 0)
                    }))
                }
            case .gradnorm:
                // The bottom, middle and top groups: a deep net's every group would be a tangle.
                let names = r.history.groupNames
                let shown = Array(Set([0, names.count / 2, names.count - 1])).sorted().filter { $0 >= 0 && $0 < names.count }
                for g in shown {
                    series.append(.init(name: prefix(label) + "group " + names[g], points: Self.smoothed(r.groupGradNorms.enumerated().compactMap { i, row in
                        g < row.count ? (Double(i + 1), row[g]) : nil
                    })))
                }
            case .accuracy, .forgetting:
                // Forgetting is about the old task: the first dataset after `track`.
                let names = what == .forgetting ? Array(r.tracked.prefix(1).map { "\($0) forgetting" }) : r.tracked.map { "\($0) accuracy" }
                for name in names {
                    let points = r.history.epochs.compactMap { e in e.extra[name].map { Plot.Point(Double(e.epoch), $0) } }
                    if !points.isEmpty { series.append(.init(name: prefix(label) + name, points: points)) }
                }
                let val = r.history.epochs.compactMap { e in e.validAccuracy.map { Plot.Point(Double(e.epoch), $0) } }
                if what == .accuracy && !val.isEmpty { series.append(.init(name: prefix(label) + "val accuracy", points: val)) }
            }
        }
        guard series.contains(where: { !$0.points.isEmpty }) else {
            throw LabError("this run has nothing to draw for `\(what.rawValue)`: train with `track DATASET` to follow accuracy", at: written.command.range)
        }
        let (x, y) = switch what {
        case .loss: ("step", "loss")
        case .lr: ("step", "learning rate")
        case .gradnorm: ("step", "gradient norm")
        case .forgetting: ("epoch", "accuracy lost")
        case .accuracy: ("epoch", "accuracy")
        }
        return CommandResult(outputs: [.plot(Plot(title: "\(what.rawValue) of " + runs.map(\.0).joined(separator: ", "), xLabel: x, yLabel: y,
                                                  series: series, logY: log))])
    }

    /// A moving average over steps, so a noisy loss reads as a curve (at most ~200 points).
    static func smoothed(_ points: [(Double, Double)]) -> [Plot.Point] {
        guard points.count > 20 else { return points.map { Plot.Point($0.0, $0.1) } }
        let window = Swift.max(1, points.count / 50)
        let stride = Swift.max(1, points.count / 200)
        var out: [Plot.Point] = []
        var i = window - 1
        while i < points.count {
            let slice = points[(i - window + 1)...i]
            out.append(Plot.Point(points[i].0, slice.reduce(0) { $0 + $1.1 } / Double(slice.count)))
            i += stride
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#endif
