import ThawLang

/// A command the session runs: a typed definition from ThawLang (its parameters, already
/// decoded) plus the code that runs it, kept in `Commands/` with the rest of its family.
///
///     extension TrainCommand: LabCommand {
///         func run(in session: Session, _ written: Statement) throws -> CommandResult { … }
///     }
///
/// Adding a command: declare its type in ThawLang, list it in `CommandCatalog.definitions`,
/// and conform it here. A test proves that every command of the catalogue has its `run`
/// (or is a lesson command, which ThawLessons runs) and that `run` reads every option.
protocol LabCommand: CommandDefinition {
    /// Runs the command against the session's workspace. `written` is the statement as
    /// parsed, for the ranges that messages point at and for the names it binds.
    func run(in session: Session, _ written: Statement) throws -> CommandResult
}

extension LabCommand {
    /// Decodes `statement`'s command as this type and runs it.
    static func run(_ statement: Statement, in session: Session) throws -> CommandResult {
        try Self(statement.command, reads: session.optionReads).run(in: session, statement)
    }
}

extension Session {
    /// True when ThawLab itself runs commands of `type` (the lesson commands are ThawLessons').
    package static func runs(_ type: any CommandDefinition.Type) -> Bool {
        type is any LabCommand.Type
    }
}

/// What a command produced: outputs to show, and items for its bindings, if any.
struct CommandResult {
    var outputs: [Output] = []
    var items: [WorkspaceItem] = []
}
