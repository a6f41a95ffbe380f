import ThawTensor

/// A model of the zoo, described in one short value and built with `build(rng:)`.
///
/// ```swift
/// let net = ModelSpec.mlp(sizes: [64, 128, 128, 10]).build(rng: &rng)
/// let gpt = ModelSpec.gpt(GPTConfig(vocab: 30, context: 16)).build(rng: &rng)
/// ```
public enum ModelSpec: Sendable, Equatable {
    case mlp(sizes: [Int], dropout: Float = 0)
    case cnn(classes: Int = 10, residual: Bool = false)
    case gpt(GPTConfig)
    case encoder(EncoderConfig)

    public func build(rng: inout RNG) -> Module {
        switch self {
        case let .mlp(sizes, dropout): MLP(sizes: sizes, dropout: dropout, rng: &rng)
        case let .cnn(classes, residual): CNN(classes: classes, residual: residual, rng: &rng)
        case let .gpt(config): GPT(config, rng: &rng)
        case let .encoder(config): Encoder(config, rng: &rng)
        }
    }
}
