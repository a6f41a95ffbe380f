/// The session itself, lesson walking, and checked outcomes.
extension CommandCatalog {
    static let sessionCommands: [CommandSpec] = [
        CommandSpec(
            "help", .session, "list the commands, or explain one",
            arguments: [.init("topic", .topic, optional: true, "a command or a metric function")],
            examples: ["help", "help freeze", "help accuracy"]),
        CommandSpec(
            "seed", .session, "seed every random choice, so that runs repeat to the digit",
            arguments: [.init("seed", .integer, "any whole number")],
            details: """
                Initialisation, shuffling, dropout, augmentation and noise all draw from one \
                generator. The same seed on the same machine gives the same numbers, bit for bit.
                """,
            examples: ["seed 7"]),
        CommandSpec(
            "export", .session, "save the session so far as a Jupyter notebook or as Markdown",
            arguments: [.init("file", .file,
                              "a quoted path: `.ipynb` for a notebook, `.md` for Markdown with plots as SVG files beside it")],
            details: "Every command you ran, with its outputs (tables, plots as SVG, failed checks), in order.",
            examples: ["export \"runs/session.ipynb\"", "export \"runs/session.md\""]),
        CommandSpec(
            "reset", .session, "forget every name and start a fresh session",
            details: "The workspace is emptied and the seed goes back to 0. Lesson progress is kept.",
            examples: ["reset"]),
        CommandSpec(
            "quit", .session, "leave thaw", aliases: ["exit"],
            examples: ["quit"]),
    ]

    static let lessonCommands: [CommandSpec] = [
        CommandSpec(
            "lessons", .lessons, "list the lessons, or open one",
            arguments: [.init("lesson", .lesson, optional: true, "a lesson's number or name")],
            examples: ["lessons", "lessons 3", "lessons lora"]),
        CommandSpec(
            "next", .lessons, "go on to the next step of the lesson",
            examples: ["next"]),
        CommandSpec(
            "hint", .lessons, "a hint for the exercise in front of you",
            examples: ["hint"]),
        CommandSpec(
            "predict", .lessons, "answer a lesson's \"predict first\" question before the outcome is revealed",
            arguments: [.init("choice", .word, "the label of your choice, such as `a`")],
            details: "The lesson records your choice and compares it with what happened when it reveals the outcome.",
            examples: ["predict a"]),
        CommandSpec(
            "check", .lessons, "check your answer to the current exercise",
            details: "Runs the exercise's `expect` lines against your workspace and says which hold.",
            examples: ["check"]),
    ]

    static let checkCommands: [CommandSpec] = [
        CommandSpec(
            "expect", .checks, "check an outcome; fail loudly, with the numbers, when it does not hold",
            arguments: [.init("condition", .condition, "a comparison over metric functions")],
            options: [.init("within", .number,
                            "a tolerance for `==` and `!=`: `a == b within t` holds when |a − b| ≤ t")],
            details: """
                Lessons check their outcomes with `expect`; `thaw run` exits with 1 when one fails. \
                A failure shows the value of every function call in the condition. `≈` may be \
                written for `==`.
                """,
            examples: [
                "expect accuracy(net, old) > 0.9",
                "expect accuracy(lora, new) == accuracy(full, new) within 0.02",
                "expect trainable(net) < params(net) / 10 and frozen(net.0)",
            ]),
        CommandSpec(
            "print", .checks, "work out an expression and show its value",
            arguments: [.init("expression", .expression, "arithmetic over metric functions")],
            examples: ["print accuracy(net, old)", "print trainable(net) / params(net)"]),
    ]
}
