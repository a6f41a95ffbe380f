import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `show`, `eval`, `compare`, `diff`.
extension ShowCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        guard let v = what else { return CommandResult(outputs: [session.workspaceTable()]) }
        let (name, item) = try session.item(v, expecting: "something to show")
        switch item {
        case let .data(d):
            switch (d, rows) {
            case let (.examples(set), .indices(list)):
                let shown = list.filter { $0 >= 0 && $0 < set.count }
                return CommandResult(outputs: [.text(set.summary), .preformatted(set.preview(shown.count, from: shown.first ?? 0))])
            case let (.examples(set), .first(n)):
                return CommandResult(outputs: [.text(set.summary), .preformatted(set.preview(Swift.min(n, set.count), from: 0))])
            case let (.sequences(s), .indices(list)):
                return CommandResult(outputs: [.text(s.summary), .preformatted(s.preview(list.count))])
            case let (.sequences(s), .first(n)):
                return CommandResult(outputs: [.text(s.summary), .preformatted(s.preview(n))])
            }
        case let .model(m):
            let inner = v.path.map { $0.segments.dropFirst().joined(separator: ".") } ?? ""
            return CommandResult(outputs: [.table(session.layerTable(name, m, under: inner)), .text(TrainableReport(m.module).description)])
        case let .snapshot(s):
            return CommandResult(outputs: [.table(session.layerTable(name, LabModel(s.model), under: ""))])
        case let .run(r):
            return CommandResult(outputs: session.runOutputs(name, r, all: all))
        case let .report(outputs):
            return CommandResult(outputs: outputs)
        case let .sweep(s):
            return CommandResult(outputs: session.sweepOutputs(name, s))
        }
    }
}

extension Session {

    func workspaceTable() -> Output {
        guard !workspace.isEmpty else { return .note("the workspace is empty: `digits = load digits` is a start") }
        let rows = names.map { name -> [String] in
            switch workspace[name]! {
            case let .data(d): [name, "data", "\(d.name), \(d.count) examples"]
            case let .model(m): [name, "model", "\(m.module.typeName) \(m.module.summary), \(grouped(m.module.parameterCount)) params"]
            case let .snapshot(s): [name, "snapshot", "\(s.model.typeName), \(grouped(s.model.parameterCount)) params"]
            case let .run(r): [name, "run", "\(r.model): \(r.history.epochs.count) epochs, \(r.history.steps.count) steps"]
            case .report: [name, "report", ""]
            case let .sweep(s): [name, "sweep", "\(s.rates.count) steps, suggestion \(s.suggestion.map { formatNumber($0) } ?? "–")"]
            }
        }
        return .table(Table(title: "workspace", columns: ["name", "kind", "what"], rows: rows))
    }

    /// One row per parameter: path, shape, count, trainable, the group's rate, the last gradient norm.
    func layerTable(_ name: String, _ m: LabModel, under inner: String) -> Table {
        let groups = m.module.layerGroups
        let rates = m.groupRates ?? m.lastRates
        var rows: [[String]] = []
        for (path, p) in m.module.namedParameters() where inner.isEmpty || PathPattern(inner).covers(path) {
            let g = m.module.groupIndex(ofParameter: path)
            let lr = g.flatMap { i in rates.flatMap { i < $0.count ? formatNumber(Double($0[i])) : nil } } ?? "–"
            let norm = m.lastGradNorms[path].map { formatNumber($0) } ?? "–"
            rows.append(["\(name).\(path)", p.shape.map(String.init).joined(separator: "×"), grouped(p.count),
                         p.requiresGrad ? "yes" : "frozen", g.map { groups[$0] } ?? "–", lr, norm])
        }
        return Table(title: "\(name): \(m.module.typeName) \(m.module.summary)",
                     columns: ["parameter", "shape", "params", "trainable", "group", "lr", "grad norm"],
                     alignments: [.left, .left, .right, .left, .left, .right, .right], rows: rows)
    }

    /// A run's epochs as a table; a long run (more than `RunSummary.shownEpochs`) only by its
    /// first and last epochs unless `all`, with a note of how many were left out.
    func runOutputs(_ name: String, _ r: LabRun, all: Bool) -> [Output] {
        var table = runTable(r)
        let total = table.rows.count
        guard !all, let shown = RunSummary.shown(total) else { return [.table(table)] }
        let gap = [RunSummary.gapMark] + Array(repeating: "", count: table.columns.count - 1)
        table.rows = Array(table.rows[..<shown.head]) + [gap] + Array(table.rows[(total - shown.tail)...])
        return [.table(table),
                .note("\(total - shown.head - shown.tail) of \(total) epochs left out: `show \(name) all` shows every one")]
    }

    func runTable(_ r: LabRun) -> Table {
        let extras = r.tracked.map { "\($0) accuracy" }
        let rows = r.history.epochs.map { e -> [String] in
            [String(e.epoch), String(e.step), formatNumber(e.trainLoss), e.validAccuracy.map(percent) ?? "–"]
                + extras.map { e.extra[$0].map(percent) ?? "–" }
        }
        return Table(title: "run of \(r.model)" + (r.stopReason.map { " (stopped: \($0))" } ?? ""),
                     columns: ["epoch", "step", "train loss", "val accuracy"] + extras,
                     alignments: [.right, .right, .right, .right] + extras.map { _ in .right }, rows: rows)
    }

}

extension EvalCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var outputs: [Output] = []
        for dataValue in on {
            let e = try session.measure(model, on: dataValue)
            let data = try session.data(dataValue)
            var metrics = [Metric("\(dataValue) accuracy", e.accuracy, .percent), Metric("\(dataValue) loss", e.loss)]
            if data.isLanguageModelling {
                metrics.append(Metric("\(dataValue) perplexity", Metrics.perplexity(meanLoss: e.loss), .decimals(2)))
                outputs.append(.metrics(metrics))
                continue
            }
            outputs.append(.metrics(metrics))
            let names: [String]
            if case let .examples(d) = data { names = d.classNames } else { names = [] }
            let m = ConfusionMatrix(classes: names.count, predictions: e.predictions, targets: e.targets)
            let present = (0..<m.classes).filter { m.actual($0) > 0 || m.predicted($0) > 0 }
            outputs.append(.table(Table(title: "per class on \(dataValue)", columns: ["class", "precision", "recall", "F1", "examples"],
                                        alignments: [.left, .right, .right, .right, .right],
                                        rows: present.map { [$0 < names.count ? names[$0] : String($0), percent(m.precision($0)), percent(m.recall($0)), percent(m.f1($0)), String(m.actual($0))] },
                                        footer: [["macro", percent(m.macroPrecision), percent(m.macroRecall), percent(m.macroF1), String(e.targets.count)]])))
            if confusion {
                outputs.append(.table(Table(title: "confusion on \(dataValue) (rows: true class, columns: predicted)",
                                            columns: [""] + present.map(String.init), alignments: [.left] + present.map { _ in .right },
                                            rows: present.map { t in [String(t)] + present.map { String(m.counts[t][$0]) } })))
            }
        }
        return CommandResult(outputs: outputs, items: [.report(outputs)])
    }
}

extension CompareCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (a, b) = (first, second)
        var rows: [[String]] = []
        for d in on {
            let (x, y) = (try session.measure(a, on: d).accuracy, try session.measure(b, on: d).accuracy)
            let delta = y - x
            rows.append(["\(d)", percent(x), percent(y), (delta >= 0 ? "+" : "") + fixed(delta * 100, 1) + " pts"])
        }
        let table = Output.table(Table(title: "accuracy", columns: ["data", "\(a)", "\(b)", "change"],
                                       alignments: [.left, .right, .right, .right], rows: rows))
        return CommandResult(outputs: [table], items: [.report([table])])
    }
}

extension DiffCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (a, b) = (self.first, self.second)
        let (_, first) = try session.measurable(a), (_, second) = try session.measurable(b)
        let rows = session.weightChanges(from: first, to: second).map { change in
            [change.path, formatNumber(change.absolute), formatNumber(change.relative), change.rank90.map(String.init) ?? "–"]
        }
        guard !rows.isEmpty else { throw LabError("`\(a)` and `\(b)` share no layers of the same shape", at: written.command.range) }
        let table = Output.table(Table(title: "how far each weight moved from \(a) to \(b)",
                                       columns: ["parameter", "‖ΔW‖", "‖ΔW‖/‖W‖", "rank for 90%"],
                                       alignments: [.left, .right, .right, .right], rows: rows))
        var outputs = [table]
        if !first.loraLayers.isEmpty || !second.loraLayers.isEmpty {
            outputs.append(.note("a LoRA layer counts as the weight it computes with, W + (α/r)·B·A (merged or not)"))
        }
        return CommandResult(outputs: outputs, items: [.report(outputs)])
    }
}

extension Session {
    /// For each weight both models have (by `effectiveWeights` path, same shape): ‖ΔW‖,
    /// ‖ΔW‖/‖W‖, and for a matrix, how many singular values of ΔW hold 90% of its energy (0 if it did not move).
    func weightChanges(from first: Module, to second: Module) -> [(path: String, absolute: Double, relative: Double, rank90: Int?)] {
        let old = Dictionary(effectiveWeights(first).map { ($0.path, $0) }, uniquingKeysWith: { x, _ in x })
        return effectiveWeights(second).compactMap { new in
            guard let before = old[new.path], before.shape == new.shape else { return nil }
            let delta = zip(new.values, before.values).map { $0 - $1 }
            var d2 = 0.0, w2 = 0.0
            for (x, w) in zip(delta, before.values) { d2 += Double(x) * Double(x); w2 += Double(w) * Double(w) }
            let absolute = d2.squareRoot(), relative = w2 > 0 ? absolute / w2.squareRoot() : absolute
            let rank = new.shape.count != 2 ? nil
                : absolute > 0 ? rankFor90PercentEnergy(singularValues(Tensor(delta, shape: new.shape))) : 0
            return (new.path, absolute, relative, rank)
        }
    }

    /// The weights a model computes with, by the path of a plain layer: a LoRA layer's
    /// `0.base_layer.weight` and its unmerged update count as one `0.weight`, so a model can be
    /// diffed against the one it started from. Adapters' own bottleneck layers are left out.
    func effectiveWeights(_ module: Module) -> [(path: String, shape: [Int], values: [Float])] {
        let lora = Dictionary(uniqueKeysWithValues: module.loraLayers.map { ($0.path, $0.layer) })
        var out: [(path: String, shape: [Int], values: [Float])] = []
        for (path, p) in module.namedParameters() {
            let parts = path.split(separator: ".").map(String.init)
            if let i = parts.firstIndex(where: { $0 == "lora_A" || $0 == "lora_B" || $0 == "lora_dropout" || $0 == "adapter_down" || $0 == "adapter_up" }),
               i > 0 { continue }
            guard let i = parts.firstIndex(of: "base_layer") else { out.append((path, p.shape, p.data)); continue }
            let layerPath = parts[..<i].joined(separator: ".")
            let plain = (parts[..<i] + parts[(i + 1)...]).joined(separator: ".")
            var values = p.data
            if let l = lora[layerPath], !l.isMerged, parts.last == "weight" {
                values = zip(values, l.deltaWeight.data).map { $0 + $1 }
            }
            out.append((plain, p.shape, values))
        }
        return out
    }

    /// How many singular values hold 90% of the squared total.
    func rankFor90PercentEnergy(_ s: [Double]) -> Int {
        let total = s.reduce(0) { $0 + $1 * $1 }
        var running = 0.0
        for (i, x) in s.enumerated() {
            running += x * x
            if running >= 0.9 * total { return i + 1 }
        }
        return s.count
    }
}

func percent(_ x: Double) -> String { fixed(x * 100, 1) + "%" }

/// How much of a long run `show` lists: enough epochs to see the start and the end on one
/// screen; the full history is `show r all` (and `plot loss` draws all of it).
enum RunSummary {
    static let shownEpochs = 12
    /// What stands in the epoch column for the rows left out.
    static let gapMark = "⋮"

    /// The epochs shown at the start and at the end of a run of `total`; nil to show all.
    static func shown(_ total: Int) -> (head: Int, tail: Int)? {
        guard total > shownEpochs else { return nil }
        return (shownEpochs / 2, shownEpochs / 2)
    }
}
