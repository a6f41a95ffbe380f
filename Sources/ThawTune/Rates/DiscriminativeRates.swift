import ThawNN
import ThawOptim

/// How learning rates are spread over a model's layer groups (bottom to top). Lower layers
/// hold general features; giving them smaller rates protects those features (ULMFiT).
public enum RateSpec: Sendable, Equatable, CustomStringConvertible {
    /// One rate for every group.
    case uniform(Float)
    /// One rate per group, bottom to top.
    case perGroup([Float])
    /// The top group gets `top`; each group below gets the rate above divided by `factor`
    /// (ULMFiT uses 2.6).
    case decay(top: Float, factor: Float)
    /// Rates spread geometrically from `low` (bottom group) to `high` (top group), as fastai's
    /// `slice(low, high)`.
    case range(low: Float, high: Float)

    public var description: String {
        switch self {
        case let .uniform(lr): "lr \(lr)"
        case let .perGroup(rates): "lr per group \(rates)"
        case let .decay(top, factor): "lr \(top) at the top, ÷\(factor) per group below"
        case let .range(low, high): "lr from \(low) (bottom) to \(high) (top)"
        }
    }

    /// The rate of each of `groupCount` groups, bottom to top.
    public func rates(groupCount n: Int) throws -> [Float] {
        let rates: [Float]
        switch self {
        case let .uniform(lr):
            rates = Array(repeating: lr, count: n)
        case let .perGroup(given):
            guard given.count == n else { throw RateError.countMismatch(given: given.count, groups: n) }
            rates = given
        case let .decay(top, factor):
            guard n > 1 else { throw RateError.needsSeveralGroups(what: "a decay factor") }
            guard factor > 0 else { throw RateError.notPositive("decay factor", factor) }
            rates = (0..<n).map { top / pow(factor, Float(n - 1 - $0)) }
        case let .range(low, high):
            guard n > 1 else { throw RateError.needsSeveralGroups(what: "a range of rates") }
            guard low > 0 else { throw RateError.notPositive("lowest rate", low) }
            rates = (0..<n).map { low * pow(high / low, Float($0) / Float(n - 1)) }
        }
        if let bad = rates.first(where: { !($0 > 0) || !$0.isFinite }) {
            throw RateError.notPositive("learning rate", bad)
        }
        return rates
    }
}

/// Why a rate specification does not fit a model.
public enum RateError: Error, Equatable, CustomStringConvertible {
    case countMismatch(given: Int, groups: Int)
    case needsSeveralGroups(what: String)
    case notPositive(String, Float)

    public var description: String {
        switch self {
        case let .countMismatch(given, groups):
            "\(given) rates given for \(groups) layer groups: give one rate per group"
        case let .needsSeveralGroups(what):
            "\(what) needs a model with several layer groups, and this one has only one: use a single lr"
        case let .notPositive(what, value):
            "the \(what) must be a positive number, got \(value)"
        }
    }
}

extension Module {
    /// Parameter groups, one per layer group, with rates from `spec`.
    public func paramGroups(_ spec: RateSpec, weightDecay: Float = 0) throws -> [ParamGroup] {
        var groups = layerParamGroups(lr: 1, weightDecay: weightDecay)
        let rates = try spec.rates(groupCount: groups.count)
        for i in groups.indices {
            groups[i].lr = rates[i]
            groups[i].baseLR = rates[i]
        }
        return groups
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
