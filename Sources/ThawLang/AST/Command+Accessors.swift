/// Typed access to a command's values for the code that runs it (ThawLab), with the
/// catalogue's defaults filled in, so a default is written down in exactly one place.
///
///     let epochs = command.integer("epochs")      // given, or the catalogue's 1
///     let data = command.values("on")             // [Value] for `on old new`
///     let layers = command.arguments("layers")    // positionals filling `<layers>...`
extension Command {
    /// This command's entry in the catalogue.
    public var spec: CommandSpec? { CommandCatalog.lookup(name) }

    /// The option called `name` (catalogue name), if it was given.
    public func option(_ name: String) -> Option? {
        options.first { $0.name == name }
    }

    /// The values of an option as written; empty when it was not given.
    public func values(_ option: String) -> [Value] {
        self.option(option)?.values ?? []
    }

    /// The positionals that fill the argument called `name` in the catalogue: one value
    /// for a plain argument, all the rest for a repeating last one.
    public func arguments(_ name: String) -> [Value] {
        guard let spec, let index = spec.arguments.firstIndex(where: { $0.name == name }) else { return [] }
        if spec.arguments[index].repeats { return Array(positionals.dropFirst(index)) }
        return index < positionals.count ? [positionals[index]] : []
    }

    /// The first value of an option, or of the argument of that name.
    public func value(_ name: String) -> Value? {
        values(name).first ?? arguments(name).first
    }

    /// An option's or argument's number, or the catalogue's default.
    public func number(_ name: String) -> Double? {
        if let value = value(name) { return value.number }
        return defaultText(name).flatMap { Double($0) }
    }

    /// An option's or argument's whole number, or the catalogue's default.
    public func integer(_ name: String) -> Int? {
        if let value = value(name) { return value.integer }
        return defaultText(name).flatMap { Int($0) }
    }

    /// An option's or argument's bare word, or the catalogue's default (`opt` → `adam`).
    public func word(_ name: String) -> String? {
        if let value = value(name) { return value.word }
        return defaultText(name)
    }

    /// A flag: on when given bare or as `on`, off when given as `off`, else its default.
    public func flag(_ name: String) -> Bool {
        if let option = option(name) { return option.values.first?.boolean ?? true }
        return defaultText(name).flatMap { Value.boolean(named: $0) } ?? false
    }

    /// The expression of a condition option or argument (`where`, `expect`'s condition).
    public func expression(_ name: String) -> Expression? {
        value(name)?.expression
    }

    func defaultText(_ name: String) -> String? {
        spec?.option(named: name)?.defaultValue
    }
}

extension Statement {
    /// The condition and tolerance of an `expect` statement.
    public var expectation: (condition: Expression, tolerance: Double?)? {
        guard command.name == ExpectCommand.about.name else { return nil }
        let expect = ExpectCommand(command)
        return expect.condition.expression.map { ($0, expect.within) }
    }
}
