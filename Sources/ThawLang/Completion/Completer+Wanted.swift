extension Completer {
    /// What the next word of a statement may be, worked out from the tokens before it by
    /// following the parser's rules loosely: a word that is one of the command's options
    /// starts that option; anything else fills the option that awaits a value, or the
    /// next positional.
    struct Wanted {
        var command = false
        var spec: CommandSpec?
        var positionals = 0
        var pending: OptionSpec?
        var pendingValues = 0
        var used = Set<String>()
        var inExpression = false

        init(tokens: [Token]) {
            var tokens = tokens[...]
            // `a, b = …`: what follows `=` is a new command.
            if let equals = tokens.firstIndex(where: { $0.kind == .equals }),
               tokens[..<equals].allSatisfy({ $0.kind == .word || $0.kind == .comma }) {
                tokens = tokens[(equals + 1)...]
            }
            guard let verb = tokens.first else { command = true; return }
            guard verb.kind == .word, let spec = CommandCatalog.lookup(verb.text) else { return }
            self.spec = spec
            var depth = 0
            var rangeEnd = false
            for token in tokens.dropFirst() {
                // Inside brackets and parentheses, a token belongs to the value already
                // counted; so does a sign, and the end of a range after its dots.
                if depth > 0 {
                    depth = max(0, depth + token.bracketBalance)
                    continue
                }
                if token.kind == .minus || token.kind == .comma { continue }
                if token.kind == .dotDot || token.kind == .dotDotLess { rangeEnd = true; continue }
                if rangeEnd { rangeEnd = false; continue }
                if token.kind == .word, let option = spec.option(named: token.text) {
                    (pending, pendingValues) = (option, 0)
                    used.insert(option.name)
                    continue
                }
                depth = max(0, token.bracketBalance)
                fill(with: token, spec)
            }
        }

        mutating func fill(with token: Token, _ spec: CommandSpec) {
            if let option = pending {
                if option.type == .flag {
                    pending = nil
                    if token.kind == .word, Value.boolean(named: token.text) != nil { return }
                    // Anything else after a bare flag is a positional.
                } else {
                    pendingValues += 1
                    if !option.repeats && !option.type.isExpression { pending = nil }
                    return
                }
            }
            // An expression argument takes every token up to the next option.
            if inExpression { return }
            if spec.argument(at: positionals)?.type.isExpression == true { inExpression = true }
            positionals += 1
        }

        /// Option keys that may come next: not those already given.
        func options(in spec: CommandSpec) -> [String] {
            if let pending, pendingValues == 0, pending.type != .flag { return [] }
            return spec.options.map(\.name).filter { !used.contains($0) }
        }

        /// The value types (and known values) that fit next.
        func values(in spec: CommandSpec) -> [(ValueType, [String])] {
            if let pending {
                if pending.type == .flag { return [(.flag, [])] + positional(spec) }
                return [(pending.type, pending.suggestions)]
            }
            return positional(spec)
        }

        func positional(_ spec: CommandSpec) -> [(ValueType, [String])] {
            if inExpression, let current = spec.argument(at: positionals - 1) {
                return [(current.type, current.suggestions)]
            }
            guard let argument = spec.argument(at: positionals) else { return [] }
            return [(argument.type, argument.suggestions)]
        }

        /// True when a dotted word makes sense next: a layer path or a path in an expression.
        var acceptsPaths: Bool {
            guard let spec else { return false }
            return values(in: spec).contains { $0.0 == .layers || $0.0.isExpression }
        }
    }
}
