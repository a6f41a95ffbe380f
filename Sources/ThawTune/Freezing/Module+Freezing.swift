import ThawNN
import ThawText
import ThawTensor

/// A freezing request that could not be carried out, with what the learner can do instead.
public enum FreezeError: Error, Equatable, CustomStringConvertible {
    /// No parameter lies at or below the given path; `suggestions` are close layer paths.
    case noMatch(pattern: String, suggestions: [String])
    /// A group index outside the model's groups.
    case groupOutOfRange(index: Int, groups: [String])

    public var description: String {
        switch self {
        case let .noMatch(pattern, suggestions):
            let hint = suggestions.isEmpty ? "" : " — did you mean \(suggestions.map { "`\($0)`" }.joined(separator: " or "))?"
            return "no layer matches `\(pattern)`\(hint)"
        case let .groupOutOfRange(index, groups):
            return "group \(index) does not exist: this model has \(groups.count) groups (0…\(groups.count - 1): \(groups.joined(separator: ", ")))"
        }
    }
}

extension Module {
    /// The paths of the parameters covered by `pattern` (see `PathPattern`).
    public func parameterPaths(matching pattern: String) -> [String] {
        let p = PathPattern(pattern)
        return namedParameters().map(\.path).filter { p.covers($0) }
    }

    /// Freezes (or unfreezes) every parameter covered by any of `patterns`, except those covered
    /// by a pattern in `except`. An empty `patterns` means the whole model.
    /// - Returns: the number of parameter tensors changed.
    /// - Throws: `FreezeError.noMatch` for a pattern that covers nothing.
    @discardableResult
    public func setTrainable(_ trainable: Bool, _ patterns: [String], except: [String] = []) throws -> Int {
        let all = namedParameters()
        for pattern in patterns + except where parameterPathsOrModules(matching: pattern).isEmpty {
            throw FreezeError.noMatch(pattern: pattern, suggestions: closestPaths(to: pattern))
        }
        let include = patterns.isEmpty ? [PathPattern("")] : patterns.map(PathPattern.init)
        let exclude = except.map(PathPattern.init)
        var changed = 0
        for (path, tensor) in all where include.contains(where: { $0.covers(path) })
            && !exclude.contains(where: { $0.covers(path) }) {
            if tensor.requiresGrad != trainable { changed += 1 }
            tensor.requiresGrad = trainable
        }
        return changed
    }

    /// `freeze net.0 net.1`, `freeze blocks.*.attn`, `freeze except head`.
    @discardableResult
    public func freeze(_ patterns: [String] = [], except: [String] = []) throws -> Int {
        try setTrainable(false, patterns, except: except)
    }

    /// The inverse of `freeze`.
    @discardableResult
    public func unfreeze(_ patterns: [String] = [], except: [String] = []) throws -> Int {
        try setTrainable(true, patterns, except: except)
    }

    /// fastai's `freeze_to(n)`: groups before `n` frozen, groups from `n` on trainable. A
    /// negative `n` counts from the top: `freezeTo(-1)` leaves only the top group trainable.
    public func freezeTo(_ n: Int) throws {
        let groups = layerGroups
        let index = n < 0 ? groups.count + n : n
        guard index >= 0 && index <= groups.count else {
            throw FreezeError.groupOutOfRange(index: n, groups: groups)
        }
        for (path, tensor) in namedParameters() {
            let g = groupIndex(ofParameter: path) ?? groups.count - 1
            tensor.requiresGrad = g >= index
        }
    }

    /// Parameters and modules covered by a pattern (a module without parameters still counts,
    /// so that `freeze net.relu` is not reported as a typo).
    func parameterPathsOrModules(matching pattern: String) -> [String] {
        let p = PathPattern(pattern)
        return (namedParameters().map(\.path) + namedModules().map(\.path)).filter { p.covers($0) }
    }

    /// Up to three layer paths that look like `pattern` (by edit distance), for messages.
    public func closestPaths(to pattern: String) -> [String] {
        let candidates = Set(namedModules().map(\.path).filter { !$0.isEmpty } + namedParameters().map(\.path))
        return candidates
            .map { ($0, EditDistance.between($0, pattern)) }
            .filter { $0.1 <= max(2, pattern.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3).map(\.0)
    }
}
