import ThawLang

/// The pipeline's last step: which code runs a validated command.
extension Session {
    func dispatch(_ statement: Statement) throws -> CommandResult {
        let verb = statement.command.verb
        guard let type = CommandCatalog.definition(named: statement.command.name) else {
            throw LabError("there is no command `\(verb.name)`", at: verb.range)
        }
        if let command = type as? any LabCommand.Type {
            return try command.run(statement, in: self)
        }
        // The lesson commands: the lesson layer runs them when it is there.
        if let outputs = externalCommand?(statement) { return CommandResult(outputs: outputs) }
        throw LabError("`\(statement.command.name)` works inside a lesson: open one with `lessons`", at: verb.range)
    }
}
