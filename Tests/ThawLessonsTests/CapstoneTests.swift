import Testing
import ThawLab
import ThawLessons

/// The capstone rewards a strategy chosen within a budget, not one recipe: several methods
/// pass, the starter fails, and an answer that breaks the budget or trains on the hidden
/// test fails with the check that names what it broke. Numbers: docs/experiments-capstone.md.
@Suite("The capstone")
struct CapstoneTests {
    static let file = "90-capstone.md"

    /// Fine-tunes `mine` from the pretrained start with `setUp` lines, then trains it.
    static func strategy(_ setUp: String, train: String = "r = train mine on pool steps 200 lr 1e-2") -> String {
        "mine = clone pre\nhead mine 5\n" + setUp + "\n" + train + "\n"
    }

    static let passing: [String: String] = [
        "LoRA rank 4": strategy("lora mine.0 mine.1 rank 4\nunfreeze mine.head"),
        "BitFit and the head": strategy("bitfit mine\nunfreeze mine.head", train: "r = train mine on pool steps 200 lr 3e-2"),
        "adapters of size 4": strategy("adapter mine.0 mine.1 size 4\nunfreeze mine.head"),
    ]

    func attempt(_ answer: String, seed: UInt64 = 1) throws -> ExerciseResult {
        let lesson = try LessonCatalogTests.lesson(Self.file)
        return try #require(LessonRunner(lesson, seed: seed).attempt(exercise: "capstone", answer: answer))
    }

    /// The claims of the check that failed, as written.
    func failed(_ result: ExerciseResult) -> [String] { result.checks.filter { !$0.passed }.map(\.claim) }

    @Test(arguments: passing.keys.sorted())
    func severalStrategiesPass(_ name: String) throws {
        let result = try attempt(Self.passing[name]!)
        #expect(result.passed, "\(name):\n\(result.report)")
    }

    @Test func theStarterFailsOnAccuracyAlone() throws {
        let lesson = try LessonCatalogTests.lesson(Self.file)
        let result = try attempt(try #require(lesson.exercise("capstone")).starter.text)
        #expect(failed(result) == ["accuracy(mine, hidden) > 0.8"], "\(result.report)")
    }

    @Test func fullFineTuningIsOverTheParameterBudget() throws {
        let result = try attempt(Self.strategy("", train: "r = train mine on pool steps 200 lr 1e-3"))
        #expect(failed(result) == ["trained(mine) <= 3000"], "\(result.report)")
        #expect(result.report.contains("trained(mine) = 25477"))
        #expect(result.hint?.when == "trained(mine) > 3000")
    }

    @Test func freezingAfterTrainingDoesNotHideTheParametersThatTrained() throws {
        let answer = Self.strategy("", train: "r = train mine on pool steps 200 lr 1e-3") + "freeze mine except mine.head\n"
        let result = try attempt(answer)
        #expect(failed(result) == ["trained(mine) <= 3000"], "\(result.report)")
    }

    @Test func stepsOfEveryRunCountThroughClones() throws {
        let answer = Self.strategy("lora mine.0 mine.1 rank 4\nunfreeze mine.head") + "warm = clone mine\nmine = clone warm\nr = train mine on pool steps 50 lr 1e-2\n"
        let result = try attempt(answer)
        #expect(failed(result) == ["steps(mine) <= 200"], "\(result.report)")
        #expect(result.report.contains("steps(mine) = 250"))
    }

    @Test func trainingOnTheHiddenRowsFailsWhateverTheirDisguise() throws {
        // The hidden rows, selected and turned by the learner: ids carry through, so it shows.
        let peek = "peek_all = load digits\npeek_rows = select peek_all where index >= 1200 classes 5..9\npeek = transform peek_rows rotate 180 noise 0.05\nboth = join pool peek\n"
        let result = try attempt(peek + Self.strategy("lora mine.0 mine.1 rank 4\nunfreeze mine.head",
                                                      train: "r = train mine on both steps 200 lr 1e-2"))
        #expect(failed(result).contains("seen(mine, hidden) == 0"), "\(result.report)")
        #expect(!result.passed)
    }

    @Test func theHiddenTestIsNotBoundBeforeTheCheck() throws {
        let lesson = try LessonCatalogTests.lesson(Self.file)
        let runner = LessonRunner(lesson)
        let index = try #require(lesson.stepIndex(ofExercise: "capstone"))
        runner.runSteps(upTo: index)
        #expect(!runner.session.names.contains("hidden"))
        #expect(!runner.session.names.contains("hidden_rows"))
        #expect(runner.session.condition("seen(pre, pool) == 0") == true)
    }
}
