import ThawLang

/// Conditions evaluated on the learner's behalf, without recording anything: a hint's
/// `when=`, a prediction's choices at the reveal. They use the expression language of `expect`.
extension Session {
    /// Whether `condition` holds on the live state; nil when it does not parse, is not a
    /// condition, or cannot be evaluated (a name that does not exist yet, say).
    public func condition(_ condition: String) -> Bool? {
        if case let .check(result) = explainCondition(condition) { return result.passed }
        return nil
    }

    /// What `expect CONDITION` would show, without recording it: a `.check` with the values
    /// behind it, or an `.error` saying why it cannot be evaluated.
    public func explainCondition(_ condition: String) -> Output {
        let script = Script("expect " + condition)
        if script.hasErrors { return .error(script.renderedDiagnostics()) }
        // One statement only: a condition must not smuggle in a command after a `;`.
        guard script.statements.count == 1, let statement = script.statements.first,
              statement.command.name == "expect" else {
            return .error("`\(condition)` is not a single condition")
        }
        do {
            return try ExpectCommand.run(statement, in: self).outputs.first
                ?? .error("`\(condition)` gave no result")
        } catch {
            return .error(render(error, statement: statement, source: script.source))
        }
    }
}
