import ThawTensor

/// Scales all gradients down together so that their global L2 norm is at most `maxNorm`,
/// as PyTorch's `clip_grad_norm_`. Returns the norm before clipping, for logging; frozen
/// parameters and missing gradients are left out.
@discardableResult
public func clipGradNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    let norm = gradNorm(parameters)
    guard norm.isFinite, norm > maxNorm, maxNorm > 0 else { return norm }
    let scale = maxNorm / (norm + 1e-6)
    for p in parameters where p.requiresGrad && p.gradData != nil {
        p.gradData!.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= scale } }
    }
    return norm
}

/// The global L2 norm of the gradients of trainable parameters (summed in Double).
public func gradNorm(_ parameters: [Tensor]) -> Float {
    var total = 0.0
    for p in parameters where p.requiresGrad {
        guard let g = p.gradData else { continue }
        total += g.squaredNorm
    }
    return Float(total.squareRoot())
}
