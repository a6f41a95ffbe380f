import Foundation
import ThawData
import ThawNN
import ThawOptim
import ThawTensor

/// What training a starting point gave: its scores, size and time.
public struct PretrainingReport: Sendable, CustomStringConvertible {
    public let name: String
    public let architecture: String
    public let parameters: Int
    public let trainExamples: Int
    public let heldOutExamples: Int
    public let steps: Int
    /// Wall-clock training time (not evaluation), in seconds.
    public let seconds: Double
    /// The mean training loss of each epoch.
    public let epochLosses: [Double]
    public let trainAccuracy: Double
    /// Accuracy on the held-out data (next-character accuracy for a language model).
    public let heldOutAccuracy: Double
    /// Mean cross-entropy on the held-out data (per predicted token for a language model).
    public let heldOutLoss: Double

    public var description: String {
        let pct = { (x: Double) in String(format: "%.1f%%", 100 * x) }
        return "\(name): \(architecture), \(parameters) parameters; \(trainExamples) training examples, "
            + "\(steps) steps in \(String(format: "%.1f", seconds)) s; train \(pct(trainAccuracy)), "
            + "held-out \(pct(heldOutAccuracy)) (\(heldOutExamples) examples, loss \(String(format: "%.4f", heldOutLoss)))"
    }
}

extension Pretrained {
    /// Trains the starting point `name` from scratch with its recipe: what made the shipped file.
    public static func train(name: String, datasets: URL? = nil) throws -> (model: Module, report: PretrainingReport) {
        try train(try entry(name), datasets: datasets)
    }

    public static func train(_ m: PretrainedModel, datasets: URL? = nil) throws -> (model: Module, report: PretrainingReport) {
        let (train, heldOut) = try m.data.load(from: datasets)
        var rng = RNG(seed: m.recipe.seed)
        let model = m.spec.build(rng: &rng)   // the same weights as m.build()
        let learner = try Learner(model: model, task: train, plan: m.recipe.plan, rng: rng.split(), name: "pretrain \(m.name)")
        learner.add(MetricsRecorder())
        let clock = ContinuousClock()
        let start = clock.now
        learner.fit()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let trainScore = evaluate(model, on: train)
        let heldOutScore = evaluate(model, on: heldOut)
        let report = PretrainingReport(
            name: m.name, architecture: m.architecture, parameters: model.parameterCount,
            trainExamples: train.count, heldOutExamples: heldOut.count, steps: learner.step, seconds: seconds,
            epochLosses: learner.history.series("train loss"), trainAccuracy: trainScore.accuracy,
            heldOutAccuracy: heldOutScore.accuracy, heldOutLoss: heldOutScore.loss)
        return (model, report)
    }

    /// A model's loss and accuracy on data (padding ignored for next-character data).
    public static func evaluate(_ model: Module, on data: TaskData) -> Evaluation {
        data.evaluate(model)
    }

    /// A model's score on the held-out data of starting point `name`: what its file claims.
    public static func evaluateHeldOut(_ model: Module, as name: String, datasets: URL? = nil) throws -> Evaluation {
        evaluate(model, on: try entry(name).data.load(from: datasets).heldOut)
    }

    /// Writes the weights with the recipe and scores as metadata.
    public static func save(_ model: Module, as m: PretrainedModel, report: PretrainingReport, to url: URL) throws {
        typealias K = MetadataKey
        let meta = [
            K.name: m.name, K.summary: m.summary, K.architecture: m.architecture,
            K.data: m.data.recipe, K.recipe: m.recipe.description, K.seed: String(m.recipe.seed),
            K.heldOut: m.data.heldOutDescription,
            K.heldOutAccuracy: String(format: "%.4f", report.heldOutAccuracy),
            K.heldOutLoss: String(format: "%.4f", report.heldOutLoss),
            K.trainAccuracy: String(format: "%.4f", report.trainAccuracy),
            K.parameters: String(report.parameters),
            K.remake: remakeCommand,
        ]
        try Checkpoint.save(model, metadata: meta, to: url)
    }

    /// Trains `name` with its recipe and writes `datasets/pretrained/NAME.safetensors`.
    @discardableResult
    public static func remake(_ name: String, datasets: URL? = nil) throws -> PretrainingReport {
        let m = try entry(name)
        let (model, report) = try train(m, datasets: datasets)
        try save(model, as: m, report: report, to: try file(m.name, datasets: datasets))
        return report
    }
}
