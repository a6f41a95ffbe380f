import ThawTensor

/// Multi-head self-attention with separate q, k, v and output projections (each a `Linear`,
/// so LoRA can wrap `attn.q` and `attn.v` alone).
///
/// For each head: `softmax(q·kᵀ/√d_head) · v`, with future positions masked when `causal`
/// (a decoder may not look ahead). Input and output: `[batch, time, dim]`.
public final class SelfAttention: Module {
    public let dim: Int, heads: Int, causal: Bool
    // Typed handles on the children; kept in step by didReplaceChild (LoRA swaps them).
    public private(set) var q: Module, k: Module, v: Module, o: Module

    public init(dim: Int, heads: Int, causal: Bool, rng: inout RNG) {
        precondition(dim % heads == 0, "attention: dim \(dim) is not divisible by \(heads) heads")
        self.dim = dim
        self.heads = heads
        self.causal = causal
        q = Linear(dim, dim, rng: &rng)
        k = Linear(dim, dim, rng: &rng)
        v = Linear(dim, dim, rng: &rng)
        o = Linear(dim, dim, rng: &rng)
        super.init()
        addChild("q", q); addChild("k", k); addChild("v", v); addChild("o", o)
    }

    public override func didReplaceChild(_ name: String, with module: Module) {
        switch name {
        case "q": q = module
        case "k": k = module
        case "v": v = module
        case "o": o = module
        default: break
        }
    }

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
