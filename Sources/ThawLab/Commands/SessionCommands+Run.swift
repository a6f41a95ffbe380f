import ThawLang
import ThawTensor
import ThawTune

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

extension BudgetCommand: LabCommand {
    func run(in session: Session, _ written: Statement) throws -> CommandResult {
        if let memory { session.budget.memoryBytes = memory << 20 }
        if let minutes { session.budget.runMinutes = minutes }
        let b = session.budget
        let table = Table(title: "the session's budget", columns: ["what", "allowed", "in use"], alignments: [.left, .right, .right],
                          rows: [["memory", "\(b.memoryBytes >> 20) MiB", bytesText(Double(session.workspaceBytes))],
                                 ["one training run", "\(b.runMinutes) minutes", ""],
                                 ["one training step", secondsText(SessionBudget.seconds(SessionBudget.stepFLOPs)), ""]])
        return CommandResult(outputs: [.table(table)])
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
