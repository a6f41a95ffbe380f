import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// `mlp`, `cnn`, `gpt`, `encoder`, `pretrained`, `clone`, `head`.
extension MLPCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        guard sizes.count >= 2 else {
            throw LabError("an mlp needs at least two positive sizes, inputs first and classes last: `mlp 64 128 10`", at: written.command.range)
        }
        if residual, let width = sizes.dropFirst().first, sizes.dropFirst().dropLast().contains(where: { $0 != width }) {
            throw LabError("`residual` adds a layer's input to its output, so the hidden layers must share one width: "
                           + "\(sizes.dropFirst().dropLast().map(String.init).joined(separator: ", ")) do not", at: $residual.range ?? written.command.range)
        }
        try session.checkBuild(.mlp(sizes: sizes), for: written)
        let mlp = MLP(sizes: sizes, activation: activation.kind, dropout: Float(dropout), initialization: initialization.kind,
                      norm: norm == .layer, residual: residual, rng: &r)
        return CommandResult(items: [.model(LabModel(mlp))])
    }
}

extension ActivationChoice {
    var kind: ActivationKind {
        switch self {
        case .relu: .relu
        case .gelu: .gelu
        case .tanh: .tanh
        case .sigmoid: .sigmoid
        }
    }
}

extension InitChoice {
    var kind: WeightInit {
        switch self {
        case .uniform: .uniform
        case .normal: .normal
        case .xavier: .xavier
        case .kaiming: .kaiming
        }
    }
}

extension CNNCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        guard channels.count == 2 else {
            throw LabError("the cnn has two convolutions: give two channel counts, such as `channels 8 16`", at: $channels.range)
        }
        try session.checkBuild(.cnn(channels: (channels[0], channels[1]), classes: classes), for: written)
        return CommandResult(items: [.model(LabModel(CNN(channels: (channels[0], channels[1]), classes: classes, rng: &r)))])
    }
}

extension TransformerShape {
    /// Checks what the declaration cannot: the heads must split the width evenly, and `on`
    /// must name text, of the kind this model reads (its characters are thaw's vocabulary).
    func checked(for kind: String, in session: Session, at range: SourceRange) throws -> TransformerShape {
        let data = try session.data(on)
        switch (kind, data) {
        case ("gpt", .sequences): break
        case ("gpt", _):
            throw LabError("a gpt learns from a word list such as `load english`; `\(on)` is not one", at: on.range)
        case (_, .examples(let d)) where d.isText: break
        default:
            throw LabError("an encoder classifies labelled words such as `load langid`; `\(on)` is not that", at: on.range)
        }
        guard width % heads == 0 else { throw LabError("the width (\(width)) must be divisible by the heads (\(heads))", at: $heads.range ?? range) }
        return self
    }
}

extension GPTCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        let s = try shape.checked(for: "gpt", in: session, at: written.command.range)
        let config = GPTConfig(vocab: Vocabulary.words.size, context: s.context, dim: s.width, heads: s.heads,
                               layers: s.layers, dropout: Float(s.dropout))
        try session.checkBuild(config.cost(), for: written)
        return CommandResult(items: [.model(LabModel(GPT(config, rng: &r)))])
    }
}

extension EncoderCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var r = session.rng.split()
        let s = try shape.checked(for: "encoder", in: session, at: written.command.range)
        let config = EncoderConfig(vocab: Vocabulary.words.size, context: s.context, dim: s.width, heads: s.heads,
                                   layers: s.layers, classes: classes, dropout: Float(s.dropout))
        try session.checkBuild(config.cost(), for: written)
        return CommandResult(items: [.model(LabModel(Encoder(config, rng: &r)))])
    }
}

extension PretrainedCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        guard let given = name.word ?? name.string else {
            throw LabError("`pretrained` needs a name; `help pretrained` lists them", at: name.range)
        }
        let shellNames = Pretrained.names.map { $0.replacingOccurrences(of: "-", with: "_") }
        do {
            return CommandResult(items: [.model(LabModel(try Pretrained.load(given)))])
        } catch PretrainedError.unknownName {
            throw LabError("there is no pretrained model `\(given)`; there are \(shellNames.joined(separator: ", "))",
                           at: name.range, suggestion: Suggest.closest(to: given, among: shellNames))
        } catch {
            throw LabError("\(error)", at: name.range)
        }
    }
}

extension CloneCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, original) = try session.model(model)
        let bytes = 4 * Double(original.module.parameterCount)
        try session.checkMemory(bytes, what: "a copy of `\(name)` needs \(bytesText(bytes))",
                                replacing: written.bindings.first?.name, at: written.command.range)
        let copy = LabModel(original.module.deepCopy())
        copy.groupRates = original.groupRates
        copy.record = original.record
        return CommandResult(items: [.model(copy)])
    }
}

extension HeadCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let (name, labModel) = try session.model(model)
        // The model says which layer is its output (seen through a LoRA or adapter wrapper).
        guard let old = labModel.module.outputLayer else {
            throw LabError("`\(name)` has no linear output layer to replace", at: model.range)
        }
        var r = session.rng.split()
        guard let path = labModel.module.replaceOutputLayer(classes: classes, rng: &r) else {
            throw LabError("`\(name)` has no linear output layer to replace", at: model.range)
        }
        return CommandResult(outputs: [.note("`\(name).\(path)` is now a fresh \(old.inFeatures)→\(classes) layer")])
    }
}
