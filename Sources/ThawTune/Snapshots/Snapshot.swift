import ThawNN
import ThawTensor

/// A copy of a model's weights at one moment, kept in memory: for early stopping's "best",
/// for comparing before and after fine-tuning, and as the anchor of L2-SP and EWC.
public struct Snapshot: Sendable {
    /// Parameter values by path.
    public let values: [String: [Float]]
    public let shapes: [String: [Int]]
    /// Paths in the model's order.
    public let paths: [String]

    public init(_ model: Module) {
        let named = model.namedParameters()
        paths = named.map(\.path)
        values = Dictionary(uniqueKeysWithValues: named.map { ($0.path, $0.tensor.data) })
        shapes = Dictionary(uniqueKeysWithValues: named.map { ($0.path, $0.tensor.shape) })
    }

    /// A snapshot of values kept elsewhere (a checkpoint), in `paths`' order.
    init(values: [String: [Float]], shapes: [String: [Int]], paths: [String]) {
        self.values = values
        self.shapes = shapes
        self.paths = paths
    }

    /// Writes the saved values back into `model` (parameters the snapshot lacks are left alone).
    /// - Returns: the paths restored.
    @discardableResult
    public func restore(into model: Module) -> [String] {
        var restored: [String] = []
        for (path, tensor) in model.namedParameters() {
            if let v = values[path], v.count == tensor.count {
                tensor.data = v
                restored.append(path)
            }
        }
        return restored
    }
}

/// How far one parameter moved between a snapshot and now.
public struct WeightChange: Sendable, Equatable {
    public let path: String
    /// ‖W − W₀‖ / ‖W₀‖ (‖W − W₀‖ alone when W₀ is zero).
    public let relative: Double
    public let absolute: Double
}

extension Snapshot {
    /// Per-parameter ‖ΔW‖/‖W‖ between this snapshot and `model` now, for the parameters both have.
    public func changes(to model: Module) -> [WeightChange] {
        model.namedParameters().compactMap { path, tensor in
            guard let old = values[path], old.count == tensor.count else { return nil }
            var diff = 0.0, base = 0.0
            for i in 0..<old.count {
                let d = Double(tensor.data[i]) - Double(old[i])
                diff += d * d
                base += Double(old[i]) * Double(old[i])
            }
            let absolute = diff.squareRoot()
            return WeightChange(path: path, relative: base > 0 ? absolute / base.squareRoot() : absolute, absolute: absolute)
        }
    }
}
