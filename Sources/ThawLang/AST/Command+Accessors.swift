/// A parsed command's values as written, by parameter name. The code that runs a command
/// reads its typed definition instead (`TrainCommand(command).epochs`, defaults filled in);
/// these serve the parser's neighbours (completion, the lesson layer, tests).
///
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

    /// The expression of a condition option or argument (`where`, `expect`'s condition).
    public func expression(_ name: String) -> Expression? {
        value(name)?.expression
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
