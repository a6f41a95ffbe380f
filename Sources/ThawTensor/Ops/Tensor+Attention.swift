/// Multi-head scaled dot-product attention, fused: `softmax(q·kᵀ/√d) · v` for every sequence
/// and head in one op.
///
/// Built from the general ops, attention is a reshape and permute per input (to [B, H, T, d]),
/// a batched matmul, a scale, a softmax, another batched matmul and a permute back: seven
/// intermediate tensors, four transposing copies, and as many backward passes. This op reads
/// q, k and v where they are, in their [B, T, D] layout: head h of sequence s is a T×d matrix
/// starting at column h·d with row stride D, which BLAS reads directly (lda = D). The output
/// and the input gradients are written the same way, so nothing is copied in either direction.
extension Tensor {
    /// `q`, `k`, `v` are `[B, T, D]` with D divisible by `heads`; the result is `[B, T, D]`,
    /// head h's output in columns h·d..<(h+1)·d (d = D / heads): exactly what splitting into
    /// heads, attending and merging the heads back gives. With `causal`, query i sees keys
    /// 0...i only (as `softmax(causal:)`).
    ///
    /// - Complexity: per sequence and head, two GEMMs forward and up to four backward (the
    ///   products for an input that needs no gradient are skipped, as in `matmul`).
    public static func attention(q: Tensor, k: Tensor, v: Tensor, heads: Int, causal: Bool) -> Tensor {
        precondition(q.rank == 3 && k.shape == q.shape && v.shape == q.shape,
                     "attention: q, k, v must share one [batch, time, dim] shape, got \(q.shape), \(k.shape), \(v.shape)")
        precondition(heads > 0 && q.shape[2] % heads == 0, "attention: dim \(q.shape[2]) is not divisible by \(heads) heads")
        let heads = HeadLayout(q.shape, heads: heads)
        let (t, d, dim, tt) = (heads.time, heads.headDim, heads.dim, heads.time * heads.time)
        let scale = 1 / Float(d).squareRoot()

        // probs, one T×T matrix per block: softmax(scale · q_h · k_hᵀ), kept for backward.
        let probs = heads.perBlock(tt) { blk, p in
            let o = heads.origin(blk)
            q.data.withUnsafeBufferPointer { qp in
                k.data.withUnsafeBufferPointer { kp in
                    BLAS.gemm(transB: true, m: t, n: t, k: d, alpha: scale, a: qp.baseAddress! + o, lda: dim,
                              b: kp.baseAddress! + o, ldb: dim, c: p, ldc: t)
                }
            }
            for i in 0..<t {
                // A causal row works on its first `span` entries only: the visible keys 0...i,
                // masked with −∞ up to a multiple of 8 so the loops stay whole vectors. The rest
                // of the row is 0 (about half the softmax work saved on average).
                let row = p + i * t, span = heads.span(i, causal)
                if causal { for j in (i + 1)..<span { row[j] = -.infinity } }
                softmaxInPlace(row, count: span)
                for j in span..<t { row[j] = 0 }
            }
        }
        // out_h = probs · v_h, straight into head h's columns.
        let out = heads.headwise { blk, o, dst in
            probs.withUnsafeBufferPointer { pp in
                v.data.withUnsafeBufferPointer { vp in
                    BLAS.gemm(m: t, n: d, k: t, a: pp.baseAddress! + blk * tt, lda: t,
                              b: vp.baseAddress! + o, ldb: dim, c: dst, ldc: dim)
                }
            }
        }

        return .result(out, shape: q.shape, inputs: [q, k, v]) { g in
            if v.requiresGrad {  // dv_h = probsᵀ · dOut_h
                v.accumulateGrad(heads.headwise { blk, o, dst in
                    probs.withUnsafeBufferPointer { pp in
                        g.withUnsafeBufferPointer { gp in
                            BLAS.gemm(transA: true, m: t, n: d, k: t, a: pp.baseAddress! + blk * tt, lda: t,
                                      b: gp.baseAddress! + o, ldb: dim, c: dst, ldc: dim)
                        }
                    }
                })
            }
            guard q.requiresGrad || k.requiresGrad else { return }
            // dScores per block: dProbs = dOut_h · v_hᵀ, then the softmax backward in place,
            // with the scale folded in: ds = scale · p ⊙ (dp − Σⱼ dpⱼ·pⱼ).
            let ds = heads.perBlock(tt) { blk, dst in
                let o = heads.origin(blk)
                g.withUnsafeBufferPointer { gp in
                    v.data.withUnsafeBufferPointer { vp in
                        BLAS.gemm(transB: true, m: t, n: t, k: d, a: gp.baseAddress! + o, lda: dim,
                                  b: vp.baseAddress! + o, ldb: dim, c: dst, ldc: t)
                    }
                }
                probs.withUnsafeBufferPointer { pp in
                    for i in 0..<t {  // masked entries have p = 0, so they get 0 here too
                        let row = dst + i * t, p = pp.baseAddress! + blk * tt + i * t, span = heads.span(i, causal)
                        let dot = rowDot(row, p, span)
                        for j in 0..<span { row[j] = scale * p[j] * (row[j] - dot) }
                        for j in span..<t { row[j] = 0 }
                    }
                }
            }
            if q.requiresGrad {  // dq_h = ds · k_h
                q.accumulateGrad(heads.headwise { blk, o, dst in
                    ds.withUnsafeBufferPointer { sp in
                        k.data.withUnsafeBufferPointer { kp in
                            BLAS.gemm(m: t, n: d, k: t, a: sp.baseAddress! + blk * tt, lda: t,
                                      b: kp.baseAddress! + o, ldb: dim, c: dst, ldc: dim)
                        }
                    }
                })
            }
            if k.requiresGrad {  // dk_h = dsᵀ · q_h
                k.accumulateGrad(heads.headwise { blk, o, dst in
                    ds.withUnsafeBufferPointer { sp in
                        q.data.withUnsafeBufferPointer { qp in
                            BLAS.gemm(transA: true, m: t, n: d, k: t, a: sp.baseAddress! + blk * tt, lda: t,
                                      b: qp.baseAddress! + o, ldb: dim, c: dst, ldc: dim)
                        }
                    }
                })
            }
        }
    }
}

/// The (sequence, head) blocks of a `[B, T, D]` tensor split into `heads` heads of d = D/heads
/// columns: block `s·heads + h` is the T×d matrix of head h in sequence s, row stride D.
struct HeadLayout {
    let batch, time, dim, heads: Int
    var headDim: Int { dim / heads }
    var blocks: Int { batch * heads }

    init(_ shape: [Int], heads: Int) {
        (batch, time, dim, self.heads) = (shape[0], shape[1], shape[2], heads)
    }

    /// How many entries of query `i`'s row of scores are worked on: all T, or when causal the
    /// visible keys 0...i rounded up to a multiple of 8 (at most T).
    @inline(__always)
    func span(_ i: Int, _ causal: Bool) -> Int { causal ? Swift.min(time, (i + 8) & ~7) : time }

    /// Where block `blk` starts in a [B, T, D] array.
    @inline(__always)
    func origin(_ blk: Int) -> Int { (blk / heads) * time * dim + (blk % heads) * headDim }

    /// A new [B, T, D] array; `fill(block, origin, dst)` must write block `block`'s T×d matrix
    /// at `dst` (its origin in the new array; row stride D). `origin` locates the same block in
    /// the inputs. The blocks tile the array, so it is fully written.
    func headwise(_ fill: (_ blk: Int, _ origin: Int, _ dst: UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        let n = batch * time * dim
        return [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            if n > 0 { for blk in 0..<blocks { fill(blk, origin(blk), buf.baseAddress! + origin(blk)) } }
            initialized = n
        }
    }

    /// A new array of `size` values per block; `fill(block, start)` must write all of them.
    func perBlock(_ size: Int, _ fill: (_ blk: Int, _ start: UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        let n = blocks * size
        return [Float](unsafeUninitializedCapacity: n) { buf, initialized in
            if n > 0 { for blk in 0..<blocks { fill(blk, buf.baseAddress! + blk * size) } }
            initialized = n
        }
    }
}
