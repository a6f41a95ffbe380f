import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `lora`, `adapter`, `prompt`, `bitfit`, `merge`, `quantize`.
extension Session {
    func tune(_ c: Command) throws -> Result {
        var r = rng.split()
        let values = c.name == "lora" || c.name == "adapter" ? c.arguments("layers") : [c.value("model")].compactMap { $0 }
        let (name, model, patterns) = try layerPatterns(values)
        let targets = patterns.map { $0.isEmpty ? "**" : $0 }
        do {
            switch c.name {
            case "lora":
                let rank = c.integer("rank") ?? 4
                try Limits.check(rank, 1024, "the rank", at: c.option("rank")?.range)
                let alpha = Float(c.number("alpha") ?? Double(rank))
                let wrapped = try model.module.applyLoRA(targets, rank: rank, alpha: alpha, dropout: Float(c.number("dropout") ?? 0), rng: &r)
                model.groupRates = nil
                return Result(outputs: [.text("LoRA rank \(rank), alpha \(formatNumber(Double(alpha))) on " + wrapped.map { "\(name).\($0)" }.joined(separator: ", ")),
                                        .text(TrainableReport(model.module).description)])
            case "adapter":
                let size = c.integer("size") ?? 16
                try Limits.check(size, Limits.layerWidth, "the bottleneck size", at: c.option("size")?.range)
                let wrapped = try model.module.applyAdapters(targets, bottleneck: size, rng: &r)
                model.groupRates = nil
                return Result(outputs: [.text("adapters of size \(size) after " + wrapped.map { "\(name).\($0)" }.joined(separator: ", ")),
                                        .text(TrainableReport(model.module).description)])
            case "prompt":
                guard let gpt = model.module as? GPT else { throw LabError("soft prompts work on a `gpt` here", at: values.first?.range) }
                let tokens = c.integer("tokens") ?? 8
                guard tokens > 0 && tokens < gpt.config.context else {
                    throw LabError("the prompt needs 1 to \(gpt.config.context - 1) tokens", at: c.option("tokens")?.range)
                }
                model.module = PromptTuned(gpt, length: tokens, rng: &r)
                model.groupRates = nil
                return Result(outputs: [.text("\(tokens) soft-prompt vectors in front of `\(name)`; the model itself is frozen"),
                                        .text(TrainableReport(model.module).description)])
            default:
                try model.module.applyBitFit()
                return Result(outputs: [.text(TrainableReport(model.module).description)])
            }
        } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: c.range)
        }
    }

    func merge(_ c: Command) throws -> Result {
        let (name, model, patterns) = try layerPatterns(c.arguments("layers"))
        let layers = model.module.loraLayers.filter { l in patterns.contains { $0.isEmpty || PathPattern($0).covers(l.path) } }
        guard !layers.isEmpty else { throw LabError("`\(name)` has no LoRA layers there to merge", at: c.range) }
        for (_, l) in layers { l.merge() }
        return Result(outputs: [.text("merged " + layers.map { "\(name).\($0.path)" }.joined(separator: ", ") + ": each now computes W·x with W + (α/r)·B·A folded in")])
    }

    func quantize(_ c: Command) throws -> Result {
        guard let v = c.value("model") else { throw LabError("`quantize` needs a model", at: c.range) }
        let (name, model) = try self.model(v)
        let bits = c.integer("bits") ?? 8
        guard (2...8).contains(bits) else { throw LabError("choose 2 to 8 bits", at: c.option("bits")?.range) }
        let nf4 = c.word("format") == "nf4"
        if nf4 && bits != 4 { throw LabError("NF4 has 4 bits", at: c.option("bits")?.range) }
        let block = c.integer("block")
        try Limits.check(block, 1 << 24, "the block size", at: c.option("block")?.range)
        var worst = 0.0
        for (path, p) in model.module.namedParameters() where path.hasSuffix("weight") {
            let q = Quantizer(bits: bits, normalFloat: nf4, block: block)
            let restored = q.roundTrip(p.data)
            worst = Swift.max(worst, relativeDifference(p.data, restored))
            p.data = restored
        }
        let how = nf4 ? "NF4" : "\(bits)-bit integers"
        return Result(outputs: [.text("stored the weights of `\(name)` as \(how)\(block.map { " in blocks of \($0)" } ?? ""); the largest relative change of a weight matrix is \(formatNumber(worst))")])
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
