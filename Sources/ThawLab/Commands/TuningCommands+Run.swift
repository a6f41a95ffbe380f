import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `lora`, `adapter`, `prompt`, `bitfit`, `merge`, `quantize`.
extension LoRACommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        let (name, model, targets) = try session.tuningTargets(layers)
        let scale = Float(alpha ?? Double(rank))
        let wrapped = try session.tuning(at: written.command.range) {
            try model.module.applyLoRA(targets, rank: rank, alpha: scale, dropout: Float(dropout), rng: &r)
        }
        model.groupRates = nil
        return CommandResult(outputs: [.text("LoRA rank \(rank), alpha \(formatNumber(Double(scale))) on " + wrapped.map { "\(name).\($0)" }.joined(separator: ", ")),
                                       .text(TrainableReport(model.module).description)])
    }
}

extension AdapterCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        let (name, model, targets) = try session.tuningTargets(layers)
        let wrapped = try session.tuning(at: written.command.range) {
            try model.module.applyAdapters(targets, bottleneck: size, rng: &r)
        }
        model.groupRates = nil
        return CommandResult(outputs: [.text("adapters of size \(size) after " + wrapped.map { "\(name).\($0)" }.joined(separator: ", ")),
                                       .text(TrainableReport(model.module).description)])
    }
}

extension PromptCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        let (name, labModel) = try session.model(model)
        guard let gpt = labModel.module as? GPT else { throw LabError("soft prompts work on a `gpt` here", at: model.range) }
        guard tokens < gpt.config.context else {
            throw LabError("the prompt needs 1 to \(gpt.config.context - 1) tokens", at: $tokens.range)
        }
        labModel.module = PromptTuned(gpt, length: tokens, rng: &r)
        labModel.groupRates = nil
        return CommandResult(outputs: [.text("\(tokens) soft-prompt vectors in front of `\(name)`; the model itself is frozen"),
                                       .text(TrainableReport(labModel.module).description)])
    }
}

extension BitFitCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        _ = session.rng.split()   // leaves the random stream where the other tuning commands leave it
        let (_, labModel) = try session.model(model)
        try session.tuning(at: written.command.range) { try labModel.module.applyBitFit() }
        return CommandResult(outputs: [.text(TrainableReport(labModel.module).description)])
    }
}

extension Session {
    /// The model and the layer patterns a tuning command wraps (`**` for a whole model).
    func tuningTargets(_ values: [Value]) throws -> (name: String, model: LabModel, targets: [String]) {
        let (name, model, patterns) = try layerPatterns(values)
        return (name, model, patterns.map { $0.isEmpty ? "**" : $0 })
    }

    /// Runs an engine change, turning its error into a message at the command.
    @discardableResult
    func tuning<T>(at range: SourceRange, _ change: () throws -> T) throws -> T {
        do { return try change() } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: range)
        }
    }
}

extension MergeCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, model, patterns) = try session.layerPatterns(layers)
        let chosen = model.module.loraLayers.filter { l in patterns.contains { $0.isEmpty || PathPattern($0).covers(l.path) } }
        guard !chosen.isEmpty else { throw LabError("`\(name)` has no LoRA layers there to merge", at: written.command.range) }
        for (_, l) in chosen { l.merge() }
        return CommandResult(outputs: [.text("merged " + chosen.map { "\(name).\($0.path)" }.joined(separator: ", ") + ": each now computes W·x with W + (α/r)·B·A folded in")])
    }
}

extension QuantizeCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        let nf4 = format == .nf4
        if nf4 && bits != 4 { throw LabError("NF4 has 4 bits", at: $bits.range ?? $format.range) }
        var worst = 0.0
        for (path, p) in labModel.module.namedParameters() where path.hasSuffix("weight") {
            let q = Quantizer(bits: bits, normalFloat: nf4, block: block)
            let restored = q.roundTrip(p.data)
            worst = Swift.max(worst, relativeDifference(p.data, restored))
            p.data = restored
        }
        let how = nf4 ? "NF4" : "\(bits)-bit integers"
        return CommandResult(outputs: [.text("stored the weights of `\(name)` as \(how)\(block.map { " in blocks of \($0)" } ?? ""); the largest relative change of a weight matrix is \(formatNumber(worst))")])
    }

    func relativeDifference(_ a: [Float], _ b: [Float]) -> Double {
        var d = 0.0, n = 0.0
        for i in a.indices { d += Double(a[i] - b[i]) * Double(a[i] - b[i]); n += Double(a[i]) * Double(a[i]) }
        return n > 0 ? (d / n).squareRoot() : 0
    }
}

/// Weight quantization by rounding to a few levels per block (absmax scaling), as QLoRA does:
/// evenly spaced integer levels, or NF4's levels at the quantiles of a normal distribution.
struct Quantizer {
    let bits: Int
    let normalFloat: Bool
    let block: Int?

    /// NF4's 16 levels in [−1, 1] (Dettmers et al. 2023).
    static let nf4Levels: [Float] = [-1, -0.6961928, -0.5250731, -0.3949175, -0.2844414, -0.1848449, -0.0910500, 0,
                                     0.0795803, 0.1609302, 0.2461123, 0.3379152, 0.4407098, 0.5626170, 0.7229568, 1]

    /// The values after being stored in the low-precision format and read back.
    func roundTrip(_ values: [Float]) -> [Float] {
        let size = block ?? values.count
        var out = values
        var start = 0
        while start < values.count {
            let end = Swift.min(start + size, values.count)
            let scale = values[start..<end].reduce(Float(0)) { Swift.max($0, Swift.abs($1)) }
            if scale > 0 {
                for i in start..<end { out[i] = scale * level(values[i] / scale) }
            }
            start = end
        }
        return out
    }

    /// The nearest representable level to x ∈ [−1, 1].
    func level(_ x: Float) -> Float {
        if normalFloat { return Self.nf4Levels.min { Swift.abs($0 - x) < Swift.abs($1 - x) }! }
        let steps = Float((1 << (bits - 1)) - 1)  // symmetric: −steps…steps
        return (x * steps).rounded() / steps
    }
}
