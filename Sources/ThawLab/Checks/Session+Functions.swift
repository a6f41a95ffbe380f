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
        case "precision", "recall":
            let e = try measure(try reference(arg(0)), on: try reference(arg(1)))
            let cls = Int(try numberArg(2))
            let m = ConfusionMatrix(classes: 0, predictions: e.predictions, targets: e.targets)
            guard cls >= 0 && cls < m.classes else { throw LabError("there is no class \(cls) here", at: try arg(2).range) }
            return .number(function == "precision" ? m.precision(cls) : m.recall(cls))
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
        case "epochs":
            return .number(Double(try trainingRun(try reference(arg(0))).history.epochs.count))
        case "steps", "trained":
            let record = try model(try reference(arg(0))).1.record
            return .number(Double(function == "steps" ? record.steps : record.peakTrainable))
        case "seen":
            let record = try model(try reference(arg(0))).1.record
            let d = try examples(try reference(arg(1)))
            return .number(Double(Set(d.ids).intersection(record.exampleIDs).count))
        case "best":
            let r = try trainingRun(try reference(arg(0)))
            guard let best = r.bestValidation else {
                throw LabError("this run watched no `val` data, so it has no best accuracy", at: try arg(0).range)
            }
            return .number(best)
        case "abs": return .number(Swift.abs(try numberArg(0)))
        case "min": return .number(Swift.min(try numberArg(0), try numberArg(1)))
        case "max": return .number(Swift.max(try numberArg(0), try numberArg(1)))
        default:
            let known = CommandCatalog.functions.map(\.name)
            throw LabError("unknown function `\(function)`", at: nameRange, suggestion: Suggest.closest(to: function, among: known))
        }
    }

    /// Evaluates a model or snapshot on a dataset (predictions, targets, loss).
    func measure(_ modelValue: Value, on dataValue: Value) throws -> Evaluation {
        let (_, module) = try measurable(modelValue)
        let data = try self.data(dataValue)
        try checkCompatible(module, data, at: dataValue.range)
        return data.evaluate(module)
    }
}
