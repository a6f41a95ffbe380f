/// Walking through a lesson. ThawLab does not run these: the lesson layer (ThawLessons)
/// does, and without an open lesson they say how to open one.

public struct LessonsCommand: CommandDefinition {
    public static let about = CommandAbout("lessons", .lessons, "list the lessons, or open one",
                                           examples: ["lessons", "lessons 3", "lessons lora"])
    @Arg("lesson", .lesson, "a lesson's number or name") public var lesson: Value?
    public init() {}
}

public struct NextCommand: CommandDefinition {
    public static let about = CommandAbout("next", .lessons, "go on to the next step of the lesson", examples: ["next"])
    public init() {}
}

public struct HintCommand: CommandDefinition {
    public static let about = CommandAbout("hint", .lessons, "a hint for the exercise in front of you", examples: ["hint"])
    public init() {}
}

public struct PredictCommand: CommandDefinition {
    public static let about = CommandAbout(
        "predict", .lessons, "answer a lesson's \"predict first\" question before the outcome is revealed",
        details: "The lesson records your choice and compares it with what happened when it reveals the outcome.",
        examples: ["predict a"])
    @Arg("choice", .word, "the label of your choice, such as `a`") public var choice: String
    public init() {}
}

public struct CheckCommand: CommandDefinition {
    public static let about = CommandAbout(
        "check", .lessons, "check your answer to the current exercise",
        details: "Runs the exercise's `expect` lines against your workspace and says which hold.",
        examples: ["check"])
    public init() {}
}
