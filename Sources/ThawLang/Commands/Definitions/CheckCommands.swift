/// Checked outcomes: `expect` and `print`.

public struct ExpectCommand: CommandDefinition {
    public static let about = CommandAbout(
        "expect", .checks, "check an outcome; fail loudly, with the numbers, when it does not hold",
        details: """
            Lessons check their outcomes with `expect`; `thaw run` exits with 1 when one fails. \
            A failure shows the value of every function call in the condition. `≈` may be \
            written for `==`.
            """,
        examples: [
            "expect accuracy(net, old) > 0.9",
            "expect accuracy(lora, new) == accuracy(full, new) within 0.02",
            "expect trainable(net) < params(net) / 10 and frozen(net.0)",
        ])
    @Arg("condition", .condition, "a comparison over metric functions") public var condition: Value
    @Opt("within", "a tolerance for `==` and `!=`: `a == b within t` holds when |a − b| ≤ t") public var within: Double?
    public init() {}
}

public struct PrintCommand: CommandDefinition {
    public static let about = CommandAbout("print", .checks, "work out an expression and show its value",
                                           examples: ["print accuracy(net, old)", "print trainable(net) / params(net)"])
    @Arg("expression", .expression, "arithmetic over metric functions") public var expression: Value
    public init() {}
}
