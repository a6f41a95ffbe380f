import ThawNN
import ThawTensor

/// LoRA (Hu et al. 2021): a frozen `Linear` plus a trainable low-rank update.
///
///     y = base(x) + (alpha / r) · B · A · x        A: [r, in], B: [out, r]
///
/// A starts random (Kaiming-uniform, as PEFT does) and B at zero, so at first the layer
/// computes exactly what the base did; training moves only A and B, i.e. r·(in + out) values
/// instead of in·out. Children are named as in Hugging Face PEFT (`base_layer`, `lora_A`,
/// `lora_B`), so paths read `blocks.0.attn.q.lora_A.weight`.
public final class LoRALinear: Module, LinearWrapper {
    public var base: Linear { child("base_layer", as: Linear.self) }
    public var loraA: Linear { child("lora_A", as: Linear.self) }
    public var loraB: Linear { child("lora_B", as: Linear.self) }
    public var dropout: Dropout? { child("lora_dropout").map { $0 as! Dropout } }
    public let rank: Int
    public let alpha: Float
    /// When false, the layer computes just `base(x)` (the adapter is kept but bypassed).
    public var isEnabled = true
    /// True while ΔW has been added into the base weight (`merge()`); the adapter is then skipped.
    public private(set) var isMerged = false

    /// The factor the update is multiplied by: alpha / r.
    public var scale: Float { alpha / Float(rank) }

    /// Wraps `base`, freezing it.
    public init(wrapping base: Linear, rank: Int, alpha: Float, dropout p: Float = 0, rng: inout RNG) {
        precondition(rank > 0, "LoRA rank must be at least 1, got \(rank)")
        self.rank = rank
        self.alpha = alpha
        let loraA = Linear(base.inFeatures, rank, bias: false, rng: &rng)
        let loraB = Linear(weight: Tensor.zeros([base.outFeatures, rank]), bias: nil)
        let dropout = p > 0 ? Dropout(p, rng: &rng) : nil
        super.init()
        base.setTrainable(false)
        addChild("base_layer", base)
        addChild("lora_A", loraA)
        addChild("lora_B", loraB)
        if let dropout { addChild("lora_dropout", dropout) }
    }

    /// Copies rank, alpha and the enabled and merge state; `deepCopy` adds the children.
    private init(configurationOf other: LoRALinear) {
        rank = other.rank
        alpha = other.alpha
        isEnabled = other.isEnabled
        isMerged = other.isMerged
        weightBeforeMerge = other.weightBeforeMerge
        super.init()
    }

    public override func copyConfiguration() -> Module { LoRALinear(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        let y = base(x)
        guard isEnabled, !isMerged else { return y }
        let input = dropout?(x) ?? x
        // Scale the narrow [.., r] intermediate rather than the wide output: fewer multiplies.
        return y + loraB(loraA(input) * scale)
    }

    /// The learned update ΔW = (alpha/r) · B · A, shape `[out, in]`.
    public var deltaWeight: Tensor {
        Tensor.withoutGrad { loraB.weight.matmul(loraA.weight) * scale }
    }

    /// Adds ΔW into the base weight, so inference costs one matrix product again.
    public func merge() {
        guard !isMerged else { return }
        let weight = base.weight
        weightBeforeMerge = weight.data
        let delta = deltaWeight.data
        weight.data.withUnsafeMutableBufferPointer { w in
            for i in 0..<w.count { w[i] += delta[i] }
        }
        isMerged = true
    }

    /// Takes ΔW out of the base weight again, restoring it bit for bit: the weight from before
    /// the merge is kept, because (w + d) − d is not always w in floating point.
    public func unmerge() {
        guard isMerged, let saved = weightBeforeMerge else { return }
        base.weight.data = saved
        weightBeforeMerge = nil
        isMerged = false
    }

    private var weightBeforeMerge: [Float]?

    public override var summary: String { "\(base.summary), rank \(rank), α \(alpha)\(isMerged ? ", merged" : "")" }
}
