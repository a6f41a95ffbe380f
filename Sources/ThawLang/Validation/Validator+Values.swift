/// Does a value have the form its position expects? And do the expressions in it call
/// real functions with the right number of arguments?
extension Validator {
    /// Reports `complaint` (what the position needs) under `value` when its form is wrong,
    /// with a fix where one is obvious.
    mutating func checkValue(_ value: Value, as type: ValueType, subject complaint: String) {
        if let expression = value.expression {
            checkExpression(expression)
            if type == .condition, !expression.isCondition {
                report(.error("\(complaint), not a plain value", at: expression.range,
                              suggestion: .init("compare it with something, as in `accuracy(net, old) > 0.9`")))
            }
            return
        }
        guard !fits(value, type) else { return }
        var diagnostic = Diagnostic.error(complaint, at: value.range)
        switch (type, value.kind) {
        case (.file, .word), (.file, .path):
            let text = value.path?.description ?? ""
            diagnostic.suggestion = .init("put file names in quotes: `\"\(text)\"`", replacement: "\"\(text)\"")
        case (.choice(let words), .word(let word)):
            if let close = Suggest.closest(to: word, among: words) {
                diagnostic.suggestion = .didYouMean(close)
            }
        case (.topic, .word(let word)):
            diagnostic = .error("there is no command or function `\(word)`", at: value.range)
            if let close = Suggest.closest(to: word, among: CommandCatalog.namesAndAliases + CommandCatalog.functions.map(\.name)) {
                diagnostic.suggestion = .didYouMean(close)
            }
        case (_, .string(let text)) where type.isWorkspaceName || type == .word:
            diagnostic.suggestion = .init("names are written without quotes: `\(text)`", replacement: text)
        case (_, .path) where type.isWorkspaceName:
            diagnostic.suggestion = .init("name the whole model here, not one of its layers")
        default:
            break
        }
        report(diagnostic)
    }

    /// Reports a number outside the declared bounds of its parameter (`epochs 100000`,
    /// `dropout 1`), so that nothing runs with it. Values of the wrong form were reported already.
    mutating func checkBounds(_ value: Value, _ bounds: Bounds?, what: String, form type: ValueType) {
        guard fits(value, type) else { return }
        guard let bounds, let x = value.number, x.isFinite || x.isNaN else {
            if bounds != nil, let x = value.number, !x.isFinite {
                report(.error("\(what) needs a finite number", at: value.range))
            }
            return
        }
        if x.isNaN || x < bounds.lower {
            report(.error("\(what) must be at least \(Bounds.text(bounds.lower))", at: value.range))
        } else if !bounds.contains(x) {
            let why = bounds.reason.isEmpty ? "" : ": \(bounds.reason)"
            report(.error("\(what) of \(value) is more than Thaw allows (\(bounds.upperPhrase))\(why)", at: value.range))
        }
    }

    /// The form check itself: true when `value` is acceptable where `type` is expected.
    func fits(_ value: Value, _ type: ValueType) -> Bool {
        switch type {
        case .number: value.number != nil
        case .integer: value.integer != nil
        case .count: (value.integer ?? 0) >= 1
        case .fraction: value.number.map { (0...1).contains($0) } ?? false
        case .flag: value.boolean != nil
        case .text, .file: value.string != nil
        case .choice(let words): value.word.map(words.contains) ?? false
        case .word, .model, .dataset, .run, .snapshot, .name: value.word != nil
        case .layers:
            if case .path = value.kind { true } else { value.word != nil }
        case .classes: value.integers != nil
        case .rows:
            if case .range = value.kind { value.integers != nil } else { (value.integer ?? -1) >= 0 }
        case .condition, .expression: value.expression != nil
        case .source: value.word != nil || value.string != nil
        case .topic:
            value.word.map { CommandCatalog.lookup($0) != nil || CommandCatalog.function(named: $0) != nil } ?? false
        case .lesson: value.word != nil || value.string != nil || (value.integer ?? 0) >= 1
        }
    }

    /// Unknown functions (with a suggestion) and calls with the wrong number of arguments.
    mutating func checkExpression(_ expression: Expression) {
        for case .call(let name, let nameRange, let arguments) in expression.allSubexpressions.map(\.kind) {
            guard let function = CommandCatalog.function(named: name) else {
                var diagnostic = Diagnostic.error("unknown function `\(name)`", at: nameRange)
                if let close = Suggest.closest(to: name, among: CommandCatalog.functions.map(\.name)) {
                    diagnostic.suggestion = .didYouMean(close)
                } else {
                    diagnostic.notes = [.init("type `help expect` to list the functions")]
                }
                report(diagnostic)
                continue
            }
            if arguments.count != function.parameters.count {
                let count = function.parameters.count
                report(.error("`\(name)` takes \(count) argument\(count == 1 ? "" : "s"), not \(arguments.count)",
                              at: nameRange, suggestion: .init("write `\(function.signature)`")))
            }
        }
    }
}
