import ThawNN
import ThawTensor

extension Module {
    /// The `Linear` layers at or below `patterns` (each a `PathPattern`), with their paths.
    /// Layers already inside a LoRA or adapter wrapper are not offered again.
    public func linearLayers(matching patterns: [String]) throws -> [(path: String, layer: Linear)] {
        for p in patterns where parameterPathsOrModules(matching: p).isEmpty {
            throw FreezeError.noMatch(pattern: p, suggestions: closestPaths(to: p))
        }
        let compiled = patterns.map(PathPattern.init)
        let wrapped = namedModules().filter { $0.module is LinearWrapper }.map(\.path)
        return namedModules().compactMap { path, m in
            guard let linear = m as? Linear, compiled.contains(where: { $0.covers(path) }),
                  !wrapped.contains(where: { path.hasPrefix($0 + ".") }) else { return nil }
            return (path, linear)
        }
    }

    /// Wraps every Linear at or below `patterns` in a `LoRALinear` of the given rank and alpha.
    /// Following PEFT, every other parameter is frozen unless `freezeOthers` is false, so that
    /// only the LoRA matrices train (unfreeze a new head afterwards if it must learn too).
    /// - Returns: the wrapped layers' paths.
    @discardableResult
    public func applyLoRA(_ patterns: [String], rank: Int, alpha: Float, dropout: Float = 0,
                          freezeOthers: Bool = true, rng: inout RNG) throws -> [String] {
        let targets = try linearLayers(matching: patterns)
        guard !targets.isEmpty else {
            throw FreezeError.noMatch(pattern: patterns.joined(separator: " "), suggestions: [])
        }
        if freezeOthers { setTrainable(false) }
        for (path, layer) in targets {
            replaceModule(at: path, with: LoRALinear(wrapping: layer, rank: rank, alpha: alpha, dropout: dropout, rng: &rng))
        }
        return targets.map(\.path)
    }

    /// Every LoRA layer in the model, with its path.
    public var loraLayers: [(path: String, layer: LoRALinear)] {
        namedModules().compactMap { p, m in (m as? LoRALinear).map { (p, $0) } }
    }

    /// Folds every LoRA update into its base weight (`merge`) or takes it out again.
    public func mergeLoRA(_ merge: Bool = true) {
        for (_, l) in loraLayers { merge ? l.merge() : l.unmerge() }
    }
}

/// The singular values of a matrix `[m, n]`, largest first (one-sided Jacobi on AᵀA's
/// columns, in Double: small matrices only, as LoRA's ΔW of a tiny model).
public func singularValues(_ matrix: Tensor) -> [Double] {
    precondition(matrix.rank == 2, "singular values need a matrix, got \(matrix.shape)")
    let (m, n) = (matrix.shape[0], matrix.shape[1])
    // Work on the narrower side: columns of A (n ≤ m) or of Aᵀ.
    let transpose = n > m
    let (rows, cols) = transpose ? (n, m) : (m, n)
    var a = [Double](repeating: 0, count: rows * cols)
    for i in 0..<m { for j in 0..<n {
        let v = Double(matrix.data[i * n + j])
        if transpose { a[j * cols + i] = v } else { a[i * cols + j] = v }
    } }
    for _ in 0..<60 {
        var rotated = false
        for p in 0..<cols { for q in (p + 1)..<max(cols, p + 1) {
            var alpha = 0.0, beta = 0.0, gamma = 0.0
            for i in 0..<rows {
                let x = a[i * cols + p], y = a[i * cols + q]
                alpha += x * x; beta += y * y; gamma += x * y
            }
            guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot(), gamma != 0 else { continue }
            rotated = true
            let zeta = (beta - alpha) / (2 * gamma)
            let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
            let c = 1 / (1 + t * t).squareRoot(), s = c * t
            for i in 0..<rows {
                let x = a[i * cols + p], y = a[i * cols + q]
                a[i * cols + p] = c * x - s * y
                a[i * cols + q] = s * x + c * y
            }
        } }
        if !rotated { break }
    }
    return (0..<cols).map { j in (0..<rows).reduce(0.0) { $0 + a[$1 * cols + j] * a[$1 * cols + j] }.squareRoot() }
        .sorted(by: >)
}
