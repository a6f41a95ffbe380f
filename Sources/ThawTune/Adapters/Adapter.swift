import ThawNN
import ThawTensor

/// A Houlsby adapter (Houlsby et al. 2019) after a frozen layer: a small bottleneck with a
/// residual connection,
///
///     y = base(x);  y + up(gelu(down(y)))        down: d→b, up: b→d, b ≪ d
///
/// `up` starts at zero, so the wrapped layer first computes exactly what the base did; only
/// `down` and `up` train.
public final class AdapterWrapped: Module, LinearWrapper {
    public var base: Linear { child("base_layer", as: Linear.self) }
    public var down: Linear { child("adapter_down", as: Linear.self) }
    public var up: Linear { child("adapter_up", as: Linear.self) }
    public let bottleneck: Int

    public init(wrapping base: Linear, bottleneck: Int, rng: inout RNG) {
        precondition(bottleneck > 0, "adapter bottleneck must be at least 1, got \(bottleneck)")
        self.bottleneck = bottleneck
        let down = Linear(base.outFeatures, bottleneck, rng: &rng)
        let up = Linear(weight: Tensor.zeros([base.outFeatures, bottleneck]), bias: Tensor.zeros([base.outFeatures]))
        super.init()
        base.setTrainable(false)
        addChild("base_layer", base)
        addChild("adapter_down", down)
        addChild("adapter_up", up)
    }

    private init(configurationOf other: AdapterWrapped) {
        bottleneck = other.bottleneck
        super.init()
    }

    public override func copyConfiguration() -> Module { AdapterWrapped(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        let y = base(x)
        return y + up(down(y).gelu())
    }

    public override var summary: String { "\(base.summary), bottleneck \(bottleneck)" }
}

extension Module {
    /// Puts a Houlsby adapter after every Linear at or below `patterns`; freezes everything
    /// else unless `freezeOthers` is false. Returns the wrapped paths.
    @discardableResult
    public func applyAdapters(_ patterns: [String], bottleneck: Int, freezeOthers: Bool = true,
                              rng: inout RNG) throws -> [String] {
        let targets = try linearLayers(matching: patterns)
        if freezeOthers { setTrainable(false) }
        for (path, layer) in targets {
            replaceModule(at: path, with: AdapterWrapped(wrapping: layer, bottleneck: bottleneck, rng: &rng))
        }
        return targets.map(\.path)
    }

    /// BitFit (Ben Zaken et al. 2022): train only the bias terms (and whatever `alsoTrain`
    /// covers, typically a new head); freeze every other weight. Returns the trainable paths.
    @discardableResult
    public func applyBitFit(alsoTrain: [String] = []) throws -> [String] {
        setTrainable(false)
        try unfreeze(["**.bias"])
        if !alsoTrain.isEmpty { try unfreeze(alsoTrain) }
        return namedParameters().filter(\.tensor.requiresGrad).map(\.path)
    }
}
