import Foundation
import ThawData
import ThawLang
import ThawTensor
import ThawTune

/// `load`, `select`, `split`, `transform`, `join`.
extension LoadCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        if let target = into {
            guard let file = source.string else { throw LabError("`load … into` needs a quoted file name", at: source.range) }
            let (_, model) = try session.model(target)
            let url = try session.file(file, for: .readFileOrFolder, at: source.range)
            do {
                // A folder is a PEFT adapter (adapter_config.json + adapter_model.safetensors).
                if FileKind.of(url.path) == .directory {
                    var rng = session.rng.split()
                    let loaded = try AdapterFiles.load(into: model.module, from: url, rng: &rng)
                    return CommandResult(outputs: [.note("loaded the adapter in \(file)/ into `\(target)`: \(loaded.joined(separator: ", "))")])
                }
                try Checkpoint.loadWeights(into: model.module, from: url)
            } catch {
                throw LabError("\(error)", at: source.range)
            }
            return CommandResult(outputs: [.note("loaded the weights of \(file) into `\(target)`")])
        }
        if let file = source.string {
            let url = try session.file(file, for: .read, at: source.range)
            do {
                if file.hasSuffix(".txt") || file.hasSuffix(".txt.gz") {
                    return CommandResult(items: [.data(.sequences(try TextImport.load(url)))])
                }
                return CommandResult(items: [.data(.examples(try CSVImport.load(url)))])
            } catch {
                throw LabError("\(error)", at: source.range)
            }
        }
        let name = source.word ?? ""
        do {
            switch name {
            case "digits": return CommandResult(items: [.data(.examples(try Digits.load()))])
            case "english", "spanish":
                return CommandResult(items: [.data(.sequences(try Words.charLM(name == "english" ? .english : .spanish)))])
            case "langid", "languages":
                var r = session.rng.split()
                return CommandResult(items: [.data(.examples(try Words.languageID(count: 4000, rng: &r)))])
            default:
                let known = Self.shipped
                throw LabError("there is no dataset `\(name)`: thaw ships \(known.joined(separator: ", ")); a file needs quotes",
                               at: source.range, suggestion: Suggest.closest(to: name, among: known))
            }
        } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: source.range)
        }
    }

}

extension SelectCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var d = try session.examples(data)
        if let condition = condition?.expression {
            var keep: [Int] = []
            for i in 0..<d.count where try session.holds(condition, label: d.labels[i], index: i, marker: d.markers?[i]) {
                keep.append(i)
            }
            d = d.subset(keep, name: "\(d.name) where \(condition)")
        }
        if let classes {
            guard let list = classes.integers, !list.isEmpty else { throw LabError("expected classes such as `0..4` or `[1, 7]`", at: classes.range) }
            if let bad = list.first(where: { $0 < 0 || $0 >= d.classCount }) {
                throw LabError("`\(d.name)` has classes 0 to \(d.classCount - 1); there is no class \(bad)", at: classes.range)
            }
            guard Set(list).count == list.count else { throw LabError("a class is listed twice", at: classes.range) }
            d = d.subset(classes: list, relabel: true)
        }
        if let shots { d = d.fewShot(k: shots, rng: &session.rng) }
        if let take { d = d.sample(Swift.min(take, d.count), rng: &session.rng) }
        if d.count == 0 { throw LabError("no examples are left after this selection", at: written.command.range) }
        return CommandResult(items: [.data(.examples(d))])
    }
}

extension Session {

    /// A `where` condition on one example: `label`, `index` and `marker` (the class its
    /// marker pixel points at, for data made with `transform … marker`) are its fields.
    func holds(_ e: ThawLang.Expression, label: Int, index: Int, marker: Int? = nil) throws -> Bool {
        func num(_ e: ThawLang.Expression) throws -> Double {
            switch e.kind {
            case let .number(n): return n
            case .name("label"): return Double(label)
            case .name("index"): return Double(index)
            case .name("marker"):
                guard let marker else {
                    throw LabError("these images have no marker: `transform … marker 0.95` plants one", at: e.range)
                }
                return Double(marker)
            case let .unary(.negate, x): return -(try num(x))
            case let .binary(op, a, b) where !op.isComparison && !op.isLogical:
                let (x, y) = (try num(a), try num(b))
                switch op { case .add: return x + y; case .subtract: return x - y; case .multiply: return x * y; default: return x / y }
            case let .name(n): throw LabError("inside `where`, only `label`, `index` and `marker` are known, not `\(n)`", at: e.range)
            default: throw LabError("expected a number, `label`, `index` or `marker` here", at: e.range)
            }
        }
        switch e.kind {
        case let .boolean(b): return b
        case let .unary(.not, x): return !(try holds(x, label: label, index: index, marker: marker))
        case let .binary(.and, a, b):
            return try holds(a, label: label, index: index, marker: marker) && holds(b, label: label, index: index, marker: marker)
        case let .binary(.or, a, b):
            return try holds(a, label: label, index: index, marker: marker) || holds(b, label: label, index: index, marker: marker)
        case let .binary(.in, a, b):
            let x = try num(a)
            switch b.kind {
            case let .list(items): return try items.contains { try num($0) == x }
            case let .range(lo, hi, inclusive):
                let (l, h) = (try num(lo), try num(hi))
                return x >= l && (inclusive ? x <= h : x < h)
            default: throw LabError("`in` needs a list or a range", at: b.range)
            }
        case let .binary(op, a, b) where op.isComparison:
            let (x, y) = (try num(a), try num(b))
            switch op {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            case .equal: return x == y
            default: return x != y
            }
        default: throw LabError("this is not a condition: compare `label` or `index`, e.g. `label < 5`", at: e.range)
        }
    }

}

extension SplitCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        let whole = try session.data(data)
        var parts: [TaskData]
        switch whole {
        case let .examples(d):
            if stratify {
                let s = d.stratifiedSplit(train: fraction, rng: &session.rng)
                parts = [.examples(s.train), .examples(s.test)]
            } else {
                let order = session.rng.permutation(d.count)
                let cut = Int((Double(d.count) * fraction).rounded())
                parts = [.examples(d.subset(Array(order[..<cut]).sorted())), .examples(d.subset(Array(order[cut...]).sorted()))]
            }
        case let .sequences(s):
            let (a, b) = s.randomSplit(train: fraction, rng: &session.rng)
            parts = [.sequences(a), .sequences(b)]
        }
        // Named by the share of the whole each holds: `train, test = split digits 0.7` gives
        // "digits 70%" and "digits 30%", which stay short however often data is split again.
        parts[0].name = "\(whole.name) \(Self.share(fraction))"
        parts[1].name = "\(whole.name) \(Self.share(1 - fraction))"
        return CommandResult(items: parts.map { .data($0) })
    }

    /// A fraction as a percentage for a name: `70%`, `12.5%`.
    static func share(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        return (tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)) + "%"
    }
}

extension TransformCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        var d = try session.examples(data)
        guard case .image = d.kind else { throw LabError("`transform` changes images; `\(data)` is not a set of images", at: data.range) }
        var changed = false
        if let sigma = noise { d = d.noisy(sigma: Float(sigma), rng: &session.rng); changed = true }
        if invert { d = d.inverted(); changed = true }
        if let degrees = rotate { d = d.rotated(degrees: Float(degrees)); changed = true }
        if permute {
            // Drawn from the seed alone, so train and test sets get the same permutation.
            var permutationRNG = RNG(seed: session.seedValue &+ 0x5EED)
            d = d.permuted(PixelPermutation(size: d.sampleSize, rng: &permutationRNG))
            changed = true
        }
        if let share = mislabel {
            guard d.classCount >= 2 else {
                throw LabError("mislabel a share between 0 and 1 of a dataset with two classes or more", at: $mislabel.range)
            }
            d = d.withLabelNoise(share, rng: &session.rng)
            changed = true
        }
        if let share = marker {
            guard Marker.fits(d) else {
                throw LabError("markers are drawn on 8x8 digits of at most ten classes; `\(data)` is not", at: $marker.range)
            }
            d = d.marked(agreeing: share, rng: &session.rng)
            changed = true
        }
        if let augmentation = augment.augmentation {
            if augment == .marker {
                guard Marker.fits(d) else {
                    throw LabError("`augment marker` moves the marker of 8x8 digits; `\(data)` is not", at: $augment.range)
                }
                d = d.remarked(rng: &session.rng)   // keeps track of where each marker went
            } else {
                d = d.augmentedOnce(augmentation, rng: &session.rng)
            }
            changed = true
        }
        guard changed else {
            throw LabError("say how to transform: `noise 0.35`, `invert`, `rotate 90`, `permute`, `mislabel 0.3`, `marker 0.95` or `augment affine`",
                           at: written.command.range)
        }
        return CommandResult(items: [.data(.examples(d))])
    }
}

extension JoinCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        guard let first = data.first else { throw LabError("`join` needs datasets", at: written.command.range) }
        var d = try session.examples(first)
        for v in data.dropFirst() {
            let next = try session.examples(v)
            guard next.sampleShape == d.sampleShape else {
                throw LabError("`\(v)` has examples of shape \(next.sampleShape), not \(d.sampleShape)", at: v.range)
            }
            guard next.classNames == d.classNames else {
                throw LabError("`\(v)` has other classes (\(next.classNames.joined(separator: ", "))) than `\(first)`", at: v.range)
            }
            d = d.appending(next)
        }
        return CommandResult(items: [.data(.examples(d))])
    }
}
