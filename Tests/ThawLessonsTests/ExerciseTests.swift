import Testing
import ThawLab
import ThawLessons

@Suite("Exercises and hints")
struct ExerciseTests {
    @Test func theStarterFailsItsCheck() throws {
        let lesson = try Fixtures.fixtureLesson()
        let exercise = try #require(lesson.exercise("freeze"))
        let result = try #require(LessonRunner(lesson).attempt(exercise: "freeze", answer: exercise.starter.text))
        #expect(!result.passed)
        #expect(result.setupFailures.isEmpty)
        #expect(result.checks.map(\.passed) == [false, true])
        #expect(result.checks.first?.values == ["frozen(net.0) = false"])
        // Nothing is frozen, so the conditional hint does not apply and the fallback does.
        #expect(result.hint?.text == "Use `freeze net except net.head`.")
        #expect(result.report.contains("✗ expect frozen(net.0)  (frozen(net.0) = false)"))
    }

    @Test func theSolutionPasses() throws {
        let lesson = try Fixtures.fixtureLesson()
        let exercise = try #require(lesson.exercise("freeze"))
        let result = try #require(LessonRunner(lesson).attempt(exercise: "freeze", answer: exercise.solution.text))
        #expect(result.passed)
        #expect(result.hint == nil)
        #expect(result.answerRuns.map(\.unit.command) == ["freeze net except net.head"])
    }

    @Test func theHintIsTheFirstWhoseConditionHolds() throws {
        let lesson = try Fixtures.fixtureLesson()
        let result = try #require(LessonRunner(lesson).attempt(exercise: "freeze", answer: "freeze net"))
        #expect(!result.passed)
        #expect(result.hint?.when == "frozen(net.head)")
        #expect(result.hint?.text == "You froze the head too: `unfreeze net.head`.")
    }

    @Test func anAnswerThatErrorsStillRunsEveryLineAndOnlyTheCheckDecides() throws {
        let lesson = try Fixtures.fixtureLesson()
        let result = try #require(LessonRunner(lesson).attempt(exercise: "freeze", answer: "frezee net\nfreeze net except net.head\n"))
        #expect(result.passed)
        #expect(result.answerRuns.first?.entry.failed == true)
    }

    @Test func anUnknownExerciseGivesNil() throws {
        #expect(LessonRunner(try Fixtures.fixtureLesson()).attempt(exercise: "nope", answer: "") == nil)
    }

    @Test func sessionConditions() {
        let session = Session()
        session.run("net = mlp 64 8 10")
        #expect(session.condition("params(net) > 100") == true)
        #expect(session.condition("frozen(net.0)") == false)
        #expect(session.condition("frozen(missing.0)") == nil)
        #expect(session.condition("params(net)") == nil)
        // A condition cannot run a command after a `;`.
        #expect(session.condition("1 < 2; reset") == nil)
        #expect(session.names == ["net"])
        guard case let .check(result) = session.explainCondition("params(net) > 100") else {
            Issue.record("no check")
            return
        }
        #expect(result.values == ["params(net) = 610"])
        #expect(session.transcript.cells.count == 1)
    }
}
