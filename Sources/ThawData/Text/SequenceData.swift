import ThawTensor

/// Next-character data for a character-level language model: fixed-length windows of token
/// ids, each with the ids that follow them.
///
/// A text becomes `<start> c₁ … cₙ <end>`; input position t holds one token and target
/// position t the token after it. Texts shorter than the context are padded (targets there are
/// `Vocabulary.pad`, which losses must ignore); longer ones are cut into consecutive windows.
///
/// ```swift
/// let english = try Words.charLM(.english, context: 14)   // 10,000 words, one window each
/// for batch in english.batches(size: 64, shuffle: &rng) { … }   // inputs [64, 14], targets 64·14
/// ```
public struct SequenceData: CustomStringConvertible {
    public var name: String
    /// [count, context]: token ids, stored as Float for the embedding layer to read.
    public let inputs: Tensor
    /// count × context next-token ids, row-major; `Vocabulary.pad` where there is none.
    public let targets: [Int]
    public let vocabulary: Vocabulary
    /// For each window, the index of the text it came from.
    public let ids: [Int]

    /// Windows of `context` tokens over each text.
    public init(texts: [String], vocabulary: Vocabulary, context: Int, name: String) {
        precondition(context >= 2, "a context of at least 2 tokens")
        var inputs: [Float] = [], targets: [Int] = [], ids: [Int] = []
        for (textIndex, text) in texts.enumerated() {
            let tokens = [Vocabulary.start] + vocabulary.encode(text) + [Vocabulary.end]
            var from = 0
            while from < tokens.count - 1 {
                let upTo = min(from + context, tokens.count - 1)
                let padding = context - (upTo - from)
                inputs += tokens[from..<upTo].map(Float.init) + repeatElement(0, count: padding)
                targets += tokens[from + 1...upTo] + repeatElement(Vocabulary.pad, count: padding)
                ids.append(textIndex)
                from = upTo
            }
        }
        self.init(name: name, inputs: Tensor(inputs, shape: [ids.count, context]),
                  targets: targets, vocabulary: vocabulary, ids: ids)
    }

    init(name: String, inputs: Tensor, targets: [Int], vocabulary: Vocabulary, ids: [Int]) {
        self.name = name
        self.inputs = inputs
        self.targets = targets
        self.vocabulary = vocabulary
        self.ids = ids
    }

    /// The number of windows.
    public var count: Int { ids.count }
    /// Tokens per window.
    public var context: Int { inputs.shape[1] }
    /// How many targets are real next tokens (not padding): what a loss averages over.
    public var predictedTokenCount: Int { targets.reduce(0) { $0 + ($1 == Vocabulary.pad ? 0 : 1) } }

    /// The windows at `indices`, in that order.
    public func subset(_ indices: [Int], name: String? = nil) -> SequenceData {
        let t = context
        var x: [Float] = [], y: [Int] = []
        x.reserveCapacity(indices.count * t)
        y.reserveCapacity(indices.count * t)
        for i in indices {
            x += inputs.data[i * t ..< (i + 1) * t]
            y += targets[i * t ..< (i + 1) * t]
        }
        return SequenceData(name: name ?? self.name, inputs: Tensor(x, shape: [indices.count, t]),
                            targets: y, vocabulary: vocabulary, ids: indices.map { ids[$0] })
    }

    /// A random split into train and held-out windows (`train` is the fraction for training);
    /// held-out sizes round up, as in `Dataset.stratifiedSplit`.
    public func randomSplit(train: Double, rng: inout RNG) -> (train: SequenceData, test: SequenceData) {
        precondition(train > 0 && train <= 1, "train fraction in (0, 1]")
        let order = rng.permutation(count)
        let heldOut = Int((Double(count) * (1 - train) - 1e-9).rounded(.up))
        let cut = count - heldOut
        return (subset(order[..<cut].sorted(), name: "\(name) train"),
                subset(order[cut...].sorted(), name: "\(name) test"))
    }

    /// One window as text: `^` for start, `$` for end, padding left out.
    public func text(at index: Int) -> String {
        // The first input followed by the targets is the whole window, shifted or not.
        let t = context
        return ([Int(inputs.data[index * t])] + targets[index * t ..< (index + 1) * t]).map(render).joined()
    }

    func render(_ id: Int) -> String {
        switch id {
        case Vocabulary.pad: return ""
        case Vocabulary.start: return "^"
        case Vocabulary.end: return "$"
        default: return vocabulary.token(id)
        }
    }

    public var description: String { summary }

    public var summary: String {
        "\(name): \(count) windows of \(context) tokens, \(predictedTokenCount) next-character targets; "
            + "vocabulary of \(vocabulary.size) (\(vocabulary.characters.count) characters + 4 special)"
    }

    /// The first `count` windows, as text (`^` start, `$` end).
    public func preview(_ shown: Int = 5) -> String {
        (0..<min(shown, count)).map { "  \(text(at: $0))" }.joined(separator: "\n")
    }
}
