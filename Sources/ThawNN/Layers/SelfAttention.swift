import ThawTensor

/// Multi-head self-attention with separate q, k, v and output projections (each a `Linear`,
/// so LoRA can wrap `attn.q` and `attn.v` alone).
///
/// For each head: `softmax(q·kᵀ/√d_head) · v`, with future positions masked when `causal`
/// (a decoder may not look ahead). Input and output: `[batch, time, dim]`.
public final class SelfAttention: Module {
    public let dim: Int, heads: Int, causal: Bool
    // Typed as Module, not Linear: LoRA or an adapter may have wrapped any of them.
    public var q: Module { child("q", as: Module.self) }
    public var k: Module { child("k", as: Module.self) }
    public var v: Module { child("v", as: Module.self) }
    public var o: Module { child("o", as: Module.self) }

    public init(dim: Int, heads: Int, causal: Bool, rng: inout RNG) {
        precondition(dim % heads == 0, "attention: dim \(dim) is not divisible by \(heads) heads")
        self.dim = dim
        self.heads = heads
        self.causal = causal
        super.init()
        for name in ["q", "k", "v", "o"] { addChild(name, Linear(dim, dim, rng: &rng)) }
    }

    private init(configurationOf other: SelfAttention) {
        dim = other.dim
        heads = other.heads
        causal = other.causal
        super.init()
    }

    public override func copyConfiguration() -> Module { SelfAttention(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        precondition(x.rank == 3 && x.shape[2] == dim, "attention expects [batch, time, \(dim)], got \(x.shape)")
        // Each head attends independently over its d_head = dim/heads columns of q, k, v:
        // softmax(q_h·k_hᵀ/√d_head)·v_h, the heads' outputs side by side again. The fused op
        // reads the heads in place, where reshape + permute to [B, H, T, d_head] would copy.
        let mixed = Tensor.attention(q: q(x), k: k(x), v: v(x), heads: heads, causal: causal)
        return o(mixed)
    }

    public override var summary: String { "\(heads) heads × \(dim / heads)\(causal ? ", causal" : "")" }
}
