import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// The metric functions of `expect`, `print` and `where`.
extension Session {
    func call(_ function: String, _ args: [Expression], nameRange: SourceRange, seen: inout [String]) throws -> Computed {
        func arg(_ i: Int) throws -> Expression {
            guard i < args.count else {
                let usage = CommandCatalog.function(named: function).map { "\($0.name)(\($0.parameters.map(\.name).joined(separator: ", ")))" } ?? function
                throw LabError("`\(function)` needs more arguments: \(usage)", at: nameRange)
            }
            return args[i]
        }
        func numberArg(_ i: Int) throws -> Double { try number(compute(try arg(i), tolerance: nil, seen: &seen), try arg(i)) }
        switch function {
        case "accuracy", "loss", "perplexity":
            let e = try measure(try reference(arg(0)), on: try reference(arg(1)))
            switch function {
            case "accuracy": return .number(e.accuracy)
            case "loss": return .number(e.loss)
            default: return .number(Metrics.perplexity(meanLoss: e.loss))
            }
        case "precision", "recall", "f1":
            let e = try measure(try reference(arg(0)), on: try reference(arg(1)))
            let cls = Int(try numberArg(2))
            let m = ConfusionMatrix(classes: 0, predictions: e.predictions, targets: e.targets)
            guard cls >= 0 && cls < m.classes else { throw LabError("there is no class \(cls) here", at: try arg(2).range) }
            switch function {
            case "precision": return .number(m.precision(cls))
            case "recall": return .number(m.recall(cls))
            default: return .number(m.f1(cls))
            }
        case "macro_f1":
            let e = try measure(try reference(arg(0)), on: try reference(arg(1)))
            return .number(ConfusionMatrix(classes: 0, predictions: e.predictions, targets: e.targets).macroF1)
        case "forgetting":
            let before = try measure(try reference(arg(0)), on: try reference(arg(2)))
            let after = try measure(try reference(arg(1)), on: try reference(arg(2)))
            return .number(before.accuracy - after.accuracy)
        case "rank90":
            let (_, before) = try measurable(try reference(arg(0))), (_, after) = try measurable(try reference(arg(1)))
            let layer = try arg(2)
            guard case let .path(p) = layer.kind else { throw LabError("name a layer, such as `net.1`", at: layer.range) }
            let inner = p.segments.dropFirst().joined(separator: ".")
            let changes = weightChanges(from: before, to: after)
            guard let change = changes.first(where: { ($0.path == inner || $0.path == inner + ".weight") && $0.rank90 != nil }) else {
                throw LabError("`\(layer)` is not a weight matrix that both models have", at: layer.range,
                               suggestion: Suggest.closest(to: inner, among: changes.filter { $0.rank90 != nil }.map(\.path)).map { "\(p.segments[0]).\($0)" })
            }
            return .number(Double(change.rank90 ?? 0))
        case "trainable", "params":
            let m = try measurable(try reference(arg(0))).module
            return .number(Double(function == "params" ? m.parameterCount : m.trainableParameterCount))
        case "frozen":
            let (_, model, pattern) = try layers(try reference(arg(0)))
            let covered = model.module.namedParameters().filter { PathPattern(pattern).covers($0.path) }
            return .boolean(!covered.isEmpty && covered.allSatisfy { !$0.tensor.requiresGrad })
        case "epochs", "steps":
            // A run's own count; a model's whole training record (clones and restores carry it).
            let (name, item) = try self.item(try reference(arg(0)), expecting: "a run or a model")
            switch item {
            case let .run(r): return .number(Double(function == "epochs" ? r.history.epochs.count : r.history.steps.count))
            case let .model(m): return .number(Double(function == "epochs" ? m.record.epochs : m.record.steps))
            default: throw LabError("`\(name)` is \(item.kindName), not a run or a model", at: try arg(0).range)
            }
        case "trained":
            return .number(Double(try model(try reference(arg(0))).1.record.peakTrainable))
        case "seen":
            let record = try model(try reference(arg(0))).1.record
            let d = try examples(try reference(arg(1)))
            return .number(Double(Set(d.ids).intersection(record.exampleIDs).count))
        case "rate":
            return .number(Double(try groupRate(try reference(arg(0)))))
        case "rank":
            let (_, model, pattern) = try layers(try reference(arg(0)))
            return .number(Double(model.module.loraLayers.first { $0.path == pattern }?.layer.rank ?? 0))
        case "ewc":
            return .number(try trainingRun(try reference(arg(0))).ewcStrength ?? 0)
        case "balanced":
            return .boolean(try trainingRun(try reference(arg(0))).balance != .none)
        case "augmented":
            return .boolean(try trainingRun(try reference(arg(0))).augment != .none)
        case "l2":
            return .number(try trainingRun(try reference(arg(0))).l2)
        case "patience":
            return .number(Double(try trainingRun(try reference(arg(0))).patience))
        case "wd":
            return .number(try trainingRun(try reference(arg(0))).weightDecay)
        case "trials":
            return .number(Double(try model(try reference(arg(0))).1.runs.last?.searchTrials ?? 0))
        case "dropout":
            let m = try measurable(try reference(arg(0))).module
            return .number(Double(m.namedModules().compactMap { ($0.module as? Dropout)?.p }.max() ?? 0))
        case "best":
            let r = try trainingRun(try reference(arg(0)))
            guard let best = r.bestValidation else {
                throw LabError("this run watched no `val` data, so it has no best accuracy", at: try arg(0).range)
            }
            return .number(best)
        case "distance":
            let (_, a) = try measurable(try reference(arg(0))), (_, b) = try measurable(try reference(arg(1)))
            let pa = a.namedParameters(), pb = b.namedParameters()
            guard pa.map(\.path) == pb.map(\.path), zip(pa, pb).allSatisfy({ $0.tensor.shape == $1.tensor.shape }) else {
                throw LabError("`\(try arg(0))` and `\(try arg(1))` have different layers, so no distance between their weights",
                               at: try arg(1).range)
            }
            var sum = 0.0
            for (x, y) in zip(pa, pb) { for (u, v) in zip(x.tensor.data, y.tensor.data) { let d = Double(u) - Double(v); sum += d * d } }
            return .number(sum.squareRoot())
        case "gradratio":
            let r = try trainingRun(try reference(arg(0)))
            guard let first = r.groupGradNorms.first, let bottom = first.first, let top = first.last, first.count > 1 else {
                throw LabError("this run has no gradients of two layer groups to compare", at: try arg(0).range)
            }
            return .number(top > 0 ? bottom / top : (bottom > 0 ? .infinity : 0))
        case "clip":
            return .number(try trainingRun(try reference(arg(0))).clipNorm ?? 0)
        case "suggestion", "minimum":
            let s = try sweep(try reference(arg(0)))
            guard let rate = function == "suggestion" ? s.suggestion : s.minimumRate else {
                throw LabError("this sweep took no step", at: try arg(0).range)
            }
            return .number(rate)
        case "abs": return .number(Swift.abs(try numberArg(0)))
        case "min": return .number(Swift.min(try numberArg(0), try numberArg(1)))
        case "max": return .number(Swift.max(try numberArg(0), try numberArg(1)))
        default:
            let known = CommandCatalog.functions.map(\.name)
            throw LabError("unknown function `\(function)`", at: nameRange, suggestion: Suggest.closest(to: function, among: known))
        }
    }

    /// The rate the group holding `value`'s layer trained with last (or was given by `lr`).
    func groupRate(_ value: Value) throws -> Float {
        let (name, model, pattern) = try layers(value)
        guard let path = model.module.namedParameters().map(\.path).first(where: { pattern.isEmpty || PathPattern(pattern).covers($0) }),
              let group = model.module.groupIndex(ofParameter: path) else {
            throw LabError("`\(value)` has no parameters in a layer group of `\(name)`", at: value.range)
        }
        guard let rates = model.lastRates ?? model.groupRates, group < rates.count else {
            throw LabError("`\(name)` has not trained and has no rates set yet: `lr \(name)` shows its groups", at: value.range)
        }
        return rates[group]
    }

    /// Evaluates a model or snapshot on a dataset (predictions, targets, loss).
    func measure(_ modelValue: Value, on dataValue: Value) throws -> Evaluation {
        let (_, module) = try measurable(modelValue)
        let data = try self.data(dataValue)
        try checkCompatible(module, data, at: dataValue.range)
        let batch = TaskData.evaluationBatch(for: module, flopsPerBatch: SessionBudget.stepFLOPs)
        let e = data.evaluate(module, batchSize: batch, interrupt: interruptCheck)
        guard e.complete else { throw LabError("interrupted while measuring `\(modelValue)` on `\(dataValue)`", at: dataValue.range) }
        return e
    }
}
