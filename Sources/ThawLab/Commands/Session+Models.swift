import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `mlp`, `cnn`, `gpt`, `encoder`, `pretrained`, `clone`, `head`.
extension Session {
    func build(_ c: Command) throws -> Result {
        var r = rng.split()
        let module: Module
        switch c.name {
        case "mlp":
            let sizes = c.arguments("sizes").compactMap(\.integer)
            guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else {
                throw LabError("an mlp needs at least two positive sizes, inputs first and classes last: `mlp 64 128 10`", at: c.range)
            }
            for v in c.arguments("sizes") { try Limits.check(v.integer, Limits.layerWidth, "a layer width", at: v.range) }
            let activation = ActivationKind(rawValue: c.word("activation") ?? "relu") ?? .relu
            module = MLP(sizes: sizes, activation: activation, dropout: Float(c.number("dropout") ?? 0), rng: &r)
        case "cnn":
            let channels = c.values("channels").compactMap(\.integer)
            let (c0, c1) = channels.count >= 2 ? (channels[0], channels[1]) : (8, 16)
            for v in c.values("channels") { try Limits.check(v.integer, 512, "a channel count", at: v.range) }
            try Limits.check(c.integer("classes"), Limits.classes, "the number of classes", at: c.option("classes")?.range)
            module = CNN(channels: (c0, c1), classes: c.integer("classes") ?? 10, rng: &r)
        default:
            let layers = c.integer("layers") ?? 2, heads = c.integer("heads") ?? 2
            let width = c.integer("width") ?? 32, context = c.integer("context") ?? 16
            try Limits.check(layers, Limits.layers, "the number of layers", at: c.option("layers")?.range)
            try Limits.check(heads, 64, "the number of heads", at: c.option("heads")?.range)
            try Limits.check(width, Limits.transformerWidth, "the width", at: c.option("width")?.range)
            try Limits.check(context, Limits.context, "the context", at: c.option("context")?.range)
            try Limits.check(c.integer("classes"), Limits.classes, "the number of classes", at: c.option("classes")?.range)
            guard width % heads == 0 else { throw LabError("the width (\(width)) must be divisible by the heads (\(heads))", at: c.option("heads")?.range ?? c.range) }
            let vocab = Vocabulary.words.size
            if c.name == "gpt" {
                module = GPT(GPTConfig(vocab: vocab, context: context, dim: width, heads: heads, layers: layers,
                                       dropout: Float(c.number("dropout") ?? 0)), rng: &r)
            } else {
                module = Encoder(EncoderConfig(vocab: vocab, context: context, dim: width, heads: heads, layers: layers,
                                               classes: c.integer("classes") ?? 2, dropout: Float(c.number("dropout") ?? 0)), rng: &r)
            }
        }
        return Result(items: [.model(LabModel(module))])
    }

    func pretrained(_ c: Command) throws -> Result {
        guard let name = c.value("name")?.word ?? c.value("name")?.string else {
            throw LabError("`pretrained` needs a name; `help pretrained` lists them", at: c.range)
        }
        let shellNames = Pretrained.names.map { $0.replacingOccurrences(of: "-", with: "_") }
        do {
            return Result(items: [.model(LabModel(try Pretrained.load(name)))])
        } catch PretrainedError.unknownName {
            throw LabError("there is no pretrained model `\(name)`; there are \(shellNames.joined(separator: ", "))",
                           at: c.value("name")?.range, suggestion: Suggest.closest(to: name, among: shellNames))
        } catch {
            throw LabError("\(error)", at: c.value("name")?.range)
        }
    }

    func clone(_ c: Command) throws -> Result {
        guard let v = c.value("model") else { throw LabError("`clone` needs a model", at: c.range) }
        let (_, model) = try self.model(v)
        let copy = LabModel(try ModelCopier.copy(model.module))
        copy.groupRates = model.groupRates
        return Result(items: [.model(copy)])
    }

    func head(_ c: Command) throws -> Result {
        guard let v = c.value("model"), let classes = c.integer("classes") else {
            throw LabError("`head` needs a model and a number of classes: `head net 5`", at: c.range)
        }
        try Limits.check(classes, Limits.classes, "the number of classes", at: c.value("classes")?.range)
        let (name, model) = try self.model(v)
        guard let old = model.module.outputLayer else {
            throw LabError("`\(name)` has no linear output layer to replace", at: v.range)
        }
        var r = rng.split()
        let path = model.module.replaceOutputLayer(classes: classes, rng: &r)!
        return Result(outputs: [.note("`\(name).\(path)` is now a fresh \(old.inFeatures)→\(classes) layer")])
    }

    /// Stops a model from meeting data it cannot read, with a message saying why.
    func checkCompatible(_ module: Module, _ data: LabData, at range: SourceRange) throws {
        let lm = module is GPT || module is PromptTuned
        switch data {
        case .sequences where !lm:
            throw LabError("`\(data.name)` holds character sequences for a language model (a `gpt`); this model classifies examples", at: range)
        case .examples where lm:
            throw LabError("this is a language model: it learns from word lists such as `load english`", at: range)
        case let .examples(d):
            if let mlp = module as? MLP, mlp.sizes[0] != d.sampleSize {
                throw LabError("the model takes \(mlp.sizes[0]) inputs, but `\(d.name)` has \(d.sampleSize) values per example", at: range)
            }
            if let cnn = module as? CNN, cnn.side * cnn.side != d.sampleSize {
                throw LabError("the cnn takes \(cnn.side)×\(cnn.side) images, but `\(d.name)` has \(d.sampleSize) values per example", at: range)
            }
            if module is Encoder {
                guard case .text = d.kind else { throw LabError("an encoder reads words; `\(d.name)` is not text", at: range) }
            }
            let outputs = outputCount(module) ?? Int.max
            if d.classCount > outputs {
                throw LabError("`\(d.name)` has \(d.classCount) classes but the model has \(outputs) outputs: `head MODEL \(d.classCount)` gives it a new head", at: range)
            }
        case .sequences:
            break
        }
    }

    /// The number of outputs of the model's output layer.
    func outputCount(_ module: Module) -> Int? { module.outputLayer?.outFeatures }
}
