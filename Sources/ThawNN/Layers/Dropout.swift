import ThawTensor

/// A layer that owns a random stream of its own (dropout masks). Checkpoints save these
/// streams so that a resumed run draws the same masks as an uninterrupted one.
public protocol RandomStateful: AnyObject {
    var rng: RNG { get set }
}

/// Zeroes each value with probability `p` while training and scales the rest by 1/(1−p)
/// (inverted dropout), so evaluation needs no rescaling. Identity in evaluation mode.
public final class Dropout: Module, RandomStateful {
    public let p: Float
    public var rng: RNG

    /// - Parameter rng: the parent stream; the layer splits off its own.
    public init(_ p: Float, rng: inout RNG) {
        precondition(p >= 0 && p < 1, "dropout probability must be in [0, 1), got \(p)")
        self.p = p
        self.rng = rng.split()
        super.init()
    }

    private init(configurationOf other: Dropout) {
        p = other.p
        rng = other.rng  // the copy draws the same masks as the original would
        super.init()
    }

    public override func copyConfiguration() -> Module { Dropout(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        x.dropout(p: p, rng: &rng, training: isTraining)
    }

    public override var summary: String { "p=\(p)" }
}
