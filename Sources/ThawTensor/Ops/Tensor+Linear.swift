/// Matrix products: `linear` (what a Linear layer computes) and `matmul` (plain and batched).
/// All go through BLAS `sgemm`; each backward skips the products whose result nobody needs,
/// so a frozen weight costs no weight-gradient GEMM.
extension Tensor {
    /// `x · Wᵀ + b`, PyTorch's `F.linear`: x is `[..., in]`, weight `[out, in]`, bias `[out]`.
    /// Leading dimensions of x are treated as one batch dimension.
    ///
    /// - Complexity: one GEMM forward; backward one GEMM per input that needs a gradient.
    public func linear(_ weight: Tensor, bias: Tensor? = nil) -> Tensor {
        precondition(weight.rank == 2, "linear weight must be [out, in], got \(weight.shape)")
        let inF = weight.shape[1], outF = weight.shape[0]
        precondition(rank >= 1 && shape.last == inF,
                     "linear: input \(shape) does not end in \(inF) features")
        if let bias { precondition(bias.shape == [outF], "linear bias must be [\(outF)], got \(bias.shape)") }
        let rows = count / Swift.max(inF, 1)
        let outShape = Array(shape.dropLast()) + [outF]

        // Uninitialised: every element is written, by the bias copy or by the GEMM with beta = 0.
        let y = [Float](unsafeUninitializedCapacity: rows * outF) { yp, initialized in
            if let bias {  // start from the bias in every row, then add x·Wᵀ with beta = 1
                bias.data.withUnsafeBufferPointer { bp in  // copyRun: a memmove call per row cost more
                    for r in 0..<rows { copyRun(yp.baseAddress! + r * outF, bp.baseAddress!, outF) }
                }
            }
            data.withUnsafeBufferPointer { xp in
                weight.data.withUnsafeBufferPointer { wp in
                    BLAS.gemm(transB: true, m: rows, n: outF, k: inF, a: xp.baseAddress!, lda: inF,
                              b: wp.baseAddress!, ldb: inF, beta: bias == nil ? 0 : 1,
                              c: yp.baseAddress!, ldc: outF)
                }
            }
            initialized = rows * outF
        }
        let x = self
        return .result(y, shape: outShape, inputs: [x, weight] + (bias.map { [$0] } ?? [])) { dy in
            dy.withUnsafeBufferPointer { dyp in
                if x.requiresGrad {  // dx = dy · W
                    weight.data.withUnsafeBufferPointer { wp in
                        x.withGradDestination { gx, beta in
                            BLAS.gemm(m: rows, n: inF, k: outF, a: dyp.baseAddress!, lda: outF,
                                      b: wp.baseAddress!, ldb: inF, beta: beta, c: gx.baseAddress!, ldc: inF)
                        }
                    }
                }
                if weight.requiresGrad {  // dW = dyᵀ · x
                    x.data.withUnsafeBufferPointer { xp in
                        weight.withGradDestination { gw, beta in
                            BLAS.gemm(transA: true, m: outF, n: inF, k: rows, a: dyp.baseAddress!, lda: outF,
                                      b: xp.baseAddress!, ldb: inF, beta: beta, c: gw.baseAddress!, ldc: inF)
                        }
                    }
                }
                if let bias, bias.requiresGrad {  // db = column sums of dy
                    bias.withGradBuffer { gb in
                        for r in 0..<rows {
                            let row = dyp.baseAddress! + r * outF
                            for j in 0..<outF { gb[j] += row[j] }
                        }
                    }
                }
            }
        }
    }

    /// Matrix product over the last two dimensions, with optional transposes.
    ///
    /// - `[m, k] · [k, n]` → `[m, n]`
    /// - `[..., m, k] · [k, n]` → `[..., m, n]` (the leading dimensions batch the rows)
    /// - `[B..., m, k] · [B..., k, n]` → `[B..., m, n]` (batched, same leading dimensions)
    ///
    /// `transposeA`/`transposeB` use the transpose of that operand's last two dimensions
    /// without copying (attention's `q · kᵀ` is `q.matmul(k, transposeB: true)`).
    public func matmul(_ other: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        let a = self, b = other
        precondition(a.rank >= 2 && b.rank >= 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        let (ar, ac) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
        let (br, bc) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        let (m, k) = transposeA ? (ac, ar) : (ar, ac)
        let (kb, n) = transposeB ? (bc, br) : (br, bc)
        precondition(k == kb, "matmul: inner sizes differ, \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "")")

        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        // A 2-D right operand with an untransposed left one: fold the batch into the rows.
        if b.rank == 2 && !transposeA && a.rank > 2 {
            let flat = a.reshaped([batchA.product * m, k])
            return flat.matmul(b, transposeB: transposeB).reshaped(batchA + [m, n])
        }
        precondition(batchA == batchB, "matmul: batch dimensions differ, \(a.shape) and \(b.shape)")
        let batch = batchA.product
        let (sa, sb, sc) = (ar * ac, br * bc, m * n)

        let c = [Float](unsafeUninitializedCapacity: batch * sc) { cp, initialized in
            defer { initialized = batch * sc }  // every product below writes its block (beta = 0)
            a.data.withUnsafeBufferPointer { ap in
                b.data.withUnsafeBufferPointer { bp in
                    for i in 0..<batch {
                        BLAS.gemm(transA: transposeA, transB: transposeB, m: m, n: n, k: k,
                                  a: ap.baseAddress! + i * sa, lda: ac, b: bp.baseAddress! + i * sb, ldb: bc,
                                  c: cp.baseAddress! + i * sc, ldc: n)
                    }
                }
            }
        }
        return .result(c, shape: batchA + [m, n], inputs: [a, b]) { dc in
            dc.withUnsafeBufferPointer { dp in
                if a.requiresGrad {
                    // C = op(A)·op(B). dop(A) = dC·op(B)ᵀ; if A was transposed, dA = op(B)·dCᵀ.
                    b.data.withUnsafeBufferPointer { bp in
                        a.withGradDestination { ga, beta in
                            for i in 0..<batch {
                                let d = dp.baseAddress! + i * sc, bb = bp.baseAddress! + i * sb
                                let g = ga.baseAddress! + i * sa
                                if transposeA {  // A is k×m: dA = op(B) · dCᵀ
                                    BLAS.gemm(transA: transposeB, transB: true, m: k, n: m, k: n,
                                              a: bb, lda: bc, b: d, ldb: n, beta: beta, c: g, ldc: ac)
                                } else {         // A is m×k: dA = dC · op(B)ᵀ
                                    BLAS.gemm(transB: !transposeB, m: m, n: k, k: n,
                                              a: d, lda: n, b: bb, ldb: bc, beta: beta, c: g, ldc: ac)
                                }
                            }
                        }
                    }
                }
                if b.requiresGrad {
                    a.data.withUnsafeBufferPointer { ap in
                        b.withGradDestination { gb, beta in
                            for i in 0..<batch {
                                let d = dp.baseAddress! + i * sc, aa = ap.baseAddress! + i * sa
                                let g = gb.baseAddress! + i * sb
                                if transposeB {  // B is n×k: dB = dCᵀ · op(A)
                                    BLAS.gemm(transA: true, transB: transposeA, m: n, n: k, k: m,
                                              a: d, lda: n, b: aa, ldb: ac, beta: beta, c: g, ldc: bc)
                                } else {         // B is k×n: dB = op(A)ᵀ · dC
                                    BLAS.gemm(transA: !transposeA, m: k, n: n, k: m,
                                              a: aa, lda: ac, b: d, ldb: n, beta: beta, c: g, ldc: bc)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
