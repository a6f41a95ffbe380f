import ThawLang
import ThawTensor

/// `help`, `seed`, `export`, `reset`, `quit`, and the checks `expect` and `print`.
extension HelpCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        guard let topic = topic?.word ?? topic?.string else {
            return CommandResult(outputs: [.preformatted(CommandCatalog.helpOverview())])
        }
        return CommandResult(outputs: [.preformatted(CommandCatalog.help(for: topic) ?? "no help for `\(topic)`: `help` lists the commands")])
    }
}

extension SeedCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        session.seedValue = UInt64(seed)
        session.rng = RNG(seed: session.seedValue)
        return CommandResult()
    }
}

extension ExportCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        try session.export(to: file, at: $file.range)
    }
}

extension ResetCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        session.reset()
        return CommandResult(outputs: [.note("the workspace is empty and the seed is 0 again")])
    }
}

extension QuitCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        session.quitRequested = true
        return CommandResult()
    }
}

extension ExpectCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        try session.expect(condition.expression, within: within, at: written.command.range)
    }
}

extension PrintCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        try session.printValue(expression)
    }
}
