import ThawTensor

/// A layer that wraps a `Linear` and adds to its output (LoRA, adapters). The wrapped layer
/// keeps the shape: its `base` says how many inputs and outputs the wrapper has.
public protocol LinearWrapper: Module {
    var base: Linear { get }
}

extension Module {
    /// The model's output layer (at `outputLayerPath`) as a `Linear`, seen through a LoRA or
    /// adapter wrapper to its base: its `inFeatures` and `outFeatures` are the model's.
    public var outputLayer: Linear? {
        guard let path = outputLayerPath, let layer = module(at: path) else { return nil }
        return (layer as? LinearWrapper)?.base ?? (layer as? Linear)
    }

    /// Replaces the output layer, any wrapper around it included, with a fresh trainable
    /// `Linear(inFeatures, classes)`: a new head for a task with other classes.
    /// - Returns: the layer's path, or nil when the model has no output layer.
    @discardableResult
    public func replaceOutputLayer(classes: Int, rng: inout RNG) -> String? {
        guard let path = outputLayerPath, let old = outputLayer else { return nil }
        replaceModule(at: path, with: Linear(old.inFeatures, classes, rng: &rng))
        return path
    }
}
