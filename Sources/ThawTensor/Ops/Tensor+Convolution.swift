/// 2-D convolution (im2col + GEMM, col2im for the input gradient) and max pooling, NCHW.
///
/// im2col copies every receptive field of an image into a column of a [C·kh·kw, Ho·Wo] matrix,
/// so the whole convolution of that image is one matrix product with the weight viewed as
/// [Cout, C·kh·kw]. Backward runs the same products transposed; col2im adds each column's
/// gradient back onto the pixels it was copied from.
extension Tensor {
    /// Cross-correlation of an `[N, C, H, W]` input with a `[Cout, C, kh, kw]` weight (PyTorch's
    /// `F.conv2d` layout), plus an optional `[Cout]` bias; output `[N, Cout, Ho, Wo]` with
    /// Ho = (H + 2·padding − kh)/stride + 1 (zero padding).
    ///
    /// One GEMM per image, [Cout, k] · [k, Ho·Wo], written straight into the NCHW output.
    /// Measured against one GEMM for the whole batch (release, 1 and 2 BLAS threads, batches of
    /// 8–128 small images): per image was as fast or up to 1.8× faster, because one image's
    /// columns stay in cache and the batched product's [Cout, N·Ho·Wo] result needs a copy
    /// into NCHW order (and its gradient one back).
    ///
    /// - Complexity: forward one GEMM per image; backward per image one GEMM for the weight
    ///   gradient (skipped when the weight is frozen) and one for the input gradient (skipped
    ///   when the input needs none).
    public func conv2d(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0) -> Tensor {
        precondition(rank == 4, "conv2d: input must be [N, C, H, W], got \(shape)")
        precondition(weight.rank == 4 && weight.shape[1] == shape[1],
                     "conv2d: weight \(weight.shape) does not fit input \(shape) (needs [Cout, \(shape[1]), kh, kw])")
        precondition(shape[1] > 0 && weight.shape[0] > 0 && weight.shape[2] > 0 && weight.shape[3] > 0,
                     "conv2d: empty channel or kernel dimension, input \(shape), weight \(weight.shape)")
        precondition(stride >= 1 && padding >= 0, "conv2d: stride \(stride) and padding \(padding) must be ≥ 1 and ≥ 0")
        let geo = ConvGeometry(input: shape, weight: weight.shape, stride: stride, padding: padding)
        precondition(geo.ho > 0 && geo.wo > 0,
                     "conv2d: kernel \(geo.kh)×\(geo.kw) does not fit input \(shape) with padding \(padding)")
        if let bias { precondition(bias.shape == [geo.cout], "conv2d: bias must be [\(geo.cout)], got \(bias.shape)") }
        let (n, k, hw, cout) = (geo.n, geo.k, geo.hw, geo.cout)
        let inImage = geo.c * geo.h * geo.w, colImage = k * hw, outImage = cout * hw

        // Every image's [k, hw] column matrix, one after another; kept for the weight gradient.
        let cols = [Float](unsafeUninitializedCapacity: n * colImage) { cp, initialized in
            data.withUnsafeBufferPointer { xp in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: geo.paddedSize) { scratch in
                    for i in 0..<n {
                        geo.im2col(xp.baseAddress! + i * inImage, cp.baseAddress! + i * colImage, scratch: scratch.baseAddress!)
                    }
                }
            }
            initialized = n * colImage
        }
        let y = [Float](unsafeUninitializedCapacity: n * outImage) { yp, initialized in
            weight.data.withUnsafeBufferPointer { wp in
                cols.withUnsafeBufferPointer { cp in
                    for i in 0..<n {
                        let out = yp.baseAddress! + i * outImage
                        if let bias {  // start each channel at its bias, then add W · cols (beta = 1)
                            bias.data.withUnsafeBufferPointer { bp in
                                for co in 0..<cout { (out + co * hw).initialize(repeating: bp[co], count: hw) }
                            }
                        }
                        BLAS.gemm(m: cout, n: hw, k: k, a: wp.baseAddress!, lda: k, b: cp.baseAddress! + i * colImage,
                                  ldb: hw, beta: bias == nil ? 0 : 1, c: out, ldc: hw)
                    }
                }
            }
            initialized = n * outImage
        }

        let x = self, savedCols = weight.requiresGrad ? cols : []
        return .result(y, shape: [n, cout, geo.ho, geo.wo], inputs: [x, weight] + (bias.map { [$0] } ?? [])) { dy in
            dy.withUnsafeBufferPointer { gp in
                if let bias, bias.requiresGrad {  // db[co] = Σ over images and positions
                    bias.withGradBuffer { gb in
                        for i in 0..<n { for co in 0..<cout { gb[co] += rowSum(gp.baseAddress! + i * outImage + co * hw, hw) } }
                    }
                }
                if weight.requiresGrad {  // dW += dOutᵢ · colsᵢᵀ, summed over images by beta = 1
                    savedCols.withUnsafeBufferPointer { cp in
                        weight.withGradDestination { gw, beta in
                            if n == 0 && beta == 0 { gw.initialize(repeating: 0) }  // an empty batch still owes a gradient
                            for i in 0..<n {
                                BLAS.gemm(transB: true, m: cout, n: k, k: hw, a: gp.baseAddress! + i * outImage, lda: hw,
                                          b: cp.baseAddress! + i * colImage, ldb: hw, beta: i == 0 ? beta : 1,
                                          c: gw.baseAddress!, ldc: k)
                            }
                        }
                    }
                }
                guard x.requiresGrad else { return }
                // dColsᵢ = Wᵀ · dOutᵢ, then col2im adds each column back onto its pixels.
                // dx starts at zero (col2im adds overlapping windows); dCols is written whole by beta = 0.
                var dx = [Float](repeating: 0, count: x.count)
                weight.data.withUnsafeBufferPointer { wp in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: colImage + geo.paddedSize) { scratch in
                        let dc = scratch.baseAddress!, padded = dc + colImage
                        dx.withUnsafeMutableBufferPointer { dxp in
                            for i in 0..<n {
                                BLAS.gemm(transA: true, m: k, n: hw, k: cout, a: wp.baseAddress!, lda: k,
                                          b: gp.baseAddress! + i * outImage, ldb: hw, c: dc, ldc: hw)
                                geo.col2im(dc, dxp.baseAddress! + i * inImage, scratch: padded)
                            }
                        }
                    }
                }
                x.accumulateGrad(dx)
            }
        }
    }

    /// Max pooling over `kernel`×`kernel` windows of an `[N, C, H, W]` input, moved by `stride`
    /// (default: the kernel, so windows tile). No padding; a partial window at the edge is
    /// dropped, as PyTorch. The gradient goes to the first maximum of each window, whose
    /// position forward remembers.
    public func maxPool2d(kernel: Int, stride: Int? = nil) -> Tensor {
        let s = stride ?? kernel
        precondition(rank == 4, "maxPool2d: input must be [N, C, H, W], got \(shape)")
        precondition(kernel >= 1 && s >= 1 && kernel <= shape[2] && kernel <= shape[3],
                     "maxPool2d: kernel \(kernel), stride \(s) do not fit input \(shape)")
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let ho = (h - kernel) / s + 1, wo = (w - kernel) / s + 1, total = planes * ho * wo
        var argmax = [Int](repeating: 0, count: total)  // flat input index of each window's max
        let y = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
            data.withUnsafeBufferPointer { xp in
                argmax.withUnsafeMutableBufferPointer { ap in
                    guard total > 0 else { return }
                    let (x, best, at) = (xp.baseAddress!, buf.baseAddress!, ap.baseAddress!)
                    for p in 0..<planes {
                        for oh in 0..<ho {
                            let o = (p * ho + oh) * wo, rowCorner = (p * h + oh * s) * w
                            for ow in 0..<wo {
                                (best[o + ow], at[o + ow]) = kernel == 2 ? max2x2(x, rowCorner + ow * s, w)
                                                                         : maxWindow(x, rowCorner + ow * s, w, kernel)
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        let x = self
        return .result(y, shape: [shape[0], shape[1], ho, wo], inputs: [x]) { g in
            guard x.requiresGrad else { return }
            // Windows overlap when stride < kernel, so one pixel may collect several gradients.
            x.withGradBuffer { gx in
                g.withUnsafeBufferPointer { gp in
                    argmax.withUnsafeBufferPointer { ap in for o in 0..<total { gx[ap[o]] += gp[o] } }
                }
            }
        }
    }
}

/// The first maximum of the k×k window with top-left corner `corner` in rows of width `w`, and
/// its flat index. Selects rather than `if`s: which value wins is random, and a mispredicted
/// branch per comparison costs more than the comparisons.
@inline(__always)
private func maxWindow(_ x: UnsafePointer<Float>, _ corner: Int, _ w: Int, _ k: Int) -> (Float, Int) {
    var best = x[corner], at = corner
    for ki in 0..<k {
        let row = corner + ki * w
        for kj in 0..<k {
            let v = x[row + kj], wins = v > best
            best = wins ? v : best
            at = wins ? row + kj : at
        }
    }
    return (best, at)
}

/// `maxWindow` for the common 2×2 window, as two independent pairs and a final comparison
/// (a shorter dependency chain than four comparisons in a row). Strict `>` at every step
/// keeps the first maximum in reading order, as the general loop does.
@inline(__always)
private func max2x2(_ x: UnsafePointer<Float>, _ corner: Int, _ w: Int) -> (Float, Int) {
    let (a, b, c, d) = (x[corner], x[corner + 1], x[corner + w], x[corner + w + 1])
    let top = b > a ? b : a, topAt = b > a ? corner + 1 : corner
    let bottom = d > c ? d : c, bottomAt = d > c ? corner + w + 1 : corner + w
    let lower = bottom > top  // two separate selects: one on the pair compiles to a branch
    return (lower ? bottom : top, lower ? bottomAt : topAt)
}

/// The sizes of one conv2d call and the im2col/col2im copies between an image and its columns.
///
/// Both copies go through a zero-bordered copy of the image, [C, H + 2·padding, W + 2·padding]
/// (`paddedSize` floats of scratch): every receptive field then lies inside it, so each row of
/// the column matrix is a plain strided copy, with no per-pixel bounds tests and no zero
/// fills. With 3×3 kernels on 8×8 images the runs are 8 values long, and the branchy version,
/// with a `memset`/`memmove` call per run, cost more than the GEMMs themselves.
struct ConvGeometry {
    let n, c, h, w, cout, kh, kw, stride, padding, ho, wo: Int
    /// Rows of the column matrix (one per channel and kernel offset), and output positions.
    var k: Int { c * kh * kw }
    var hw: Int { ho * wo }
    /// The padded image's height and width, and its size in floats.
    var hp: Int { h + 2 * padding }
    var wp: Int { w + 2 * padding }
    var paddedSize: Int { c * hp * wp }

    init(input: [Int], weight: [Int], stride: Int, padding: Int) {
        (n, c, h, w) = (input[0], input[1], input[2], input[3])
        (cout, kh, kw) = (weight[0], weight[2], weight[3])
        (self.stride, self.padding) = (stride, padding)
        ho = (h + 2 * padding - kh) / stride + 1
        wo = (w + 2 * padding - kw) / stride + 1
    }

    /// Where row `oh` of the receptive fields at kernel offset (ki, kj) starts in the padded
    /// image of channel `ci`: the run then continues with step `stride`.
    @inline(__always)
    private func fieldRow(_ ci: Int, _ ki: Int, _ kj: Int, _ oh: Int) -> Int {
        (ci * hp + oh * stride + ki) * wp + kj
    }

    /// Copies every receptive field of one `[C, H, W]` image into the columns of a [k, hw]
    /// matrix (row = (channel, ki, kj), column = output position); padding reads zeros.
    func im2col(_ x: UnsafePointer<Float>, _ cols: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let padded = pad(x, into: scratch)
        for ci in 0..<c { for ki in 0..<kh { for kj in 0..<kw {
            let row = cols + ((ci * kh + ki) * kw + kj) * hw
            for oh in 0..<ho {
                let src = padded + fieldRow(ci, ki, kj, oh), dst = row + oh * wo
                if stride == 1 { copyRun(dst, src, wo) }
                else { for i in 0..<wo { dst[i] = src[i &* stride] } }
            }
        } } }
    }

    /// The adjoint of `im2col`: adds each column entry back onto the input pixel it came from,
    /// through the padded scratch image (whose border, the padding, is then dropped).
    func col2im(_ cols: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        scratch.update(repeating: 0, count: paddedSize)
        for ci in 0..<c { for ki in 0..<kh { for kj in 0..<kw {
            let row = cols + ((ci * kh + ki) * kw + kj) * hw
            for oh in 0..<ho {
                let src = row + oh * wo, dst = scratch + fieldRow(ci, ki, kj, oh)
                if stride == 1 { addRun(dst, src, wo) }
                else { for i in 0..<wo { dst[i &* stride] += src[i] } }
            }
        } } }
        for ci in 0..<c { for ih in 0..<h {
            addRun(dx + (ci * h + ih) * w, scratch + (ci * hp + ih + padding) * wp + padding, w)
        } }
    }

    /// The image with a zero border of `padding`, in `scratch`; the image itself when there is
    /// no padding.
    private func pad(_ x: UnsafePointer<Float>, into scratch: UnsafeMutablePointer<Float>) -> UnsafePointer<Float> {
        guard padding > 0 else { return x }
        scratch.update(repeating: 0, count: paddedSize)
        for ci in 0..<c { for ih in 0..<h {
            copyRun(scratch + (ci * hp + ih + padding) * wp + padding, x + (ci * h + ih) * w, w)
        } }
        return UnsafePointer(scratch)
    }
}
