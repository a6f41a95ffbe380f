import Testing
import ThawLab
import ThawLessons

@Suite("Lesson replay")
struct ReplayTests {
    @Test func theFixtureReplaysWithEveryCheckHolding() throws {
        let runner = LessonRunner(try Fixtures.fixtureLesson())
        var events: [String] = []
        runner.onEvent = { event in
            switch event {
            case .prose: events.append("prose")
            case let .command(run): events.append("\(run.role.rawValue) \(run.unit.line)")
            case .prediction: events.append("predict")
            case let .reveal(outcome): events.append("reveal \(outcome.held)")
            case let .exercise(e): events.append("exercise \(e.id)")
            }
        }
        let result = runner.replay()
        #expect(result.passed, "\(result.failures)")
        #expect(result.checks.count == 2)
        #expect(events == ["prose", "lesson 12", "lesson 13", "lesson 15", "lesson 16", "predict", "prose",
                           "reveal [\"a\"]", "prose", "exercise freeze", "solution 39", "check 43", "check 44", "prose"])
    }

    @Test func theTranscriptHasProseAsMarkdownAndCellsThatEndWithOutput() throws {
        let runner = LessonRunner(try Fixtures.fixtureLesson())
        runner.replay()
        let cells = runner.session.transcript.cells
        guard case let .markdown(first) = cells.first else { Issue.record("no prose first"); return }
        #expect(first.hasPrefix("# A tiny network"))
        let code = cells.compactMap { if case let .code(e) = $0 { e.source } else { nil } }
        // Commands that print nothing join the cell of the next command that does.
        #expect(code == ["seed 3\ndigits = load digits\n# a small model, so the lesson runs in a blink\nnet = mlp 64 16 10\ntrain net on digits epochs 1",
                         "freeze net except net.head", "expect frozen(net.0)", "expect not frozen(net.head)"])
        #expect(cells.contains { if case let .markdown(m) = $0 { m.hasPrefix("**Revealed:**") } else { false } })
    }

    @Test func aFailingExpectIsReportedWithItsLineAndTheReplayGoesOn() throws {
        let text = Fixtures.fixture.replacingOccurrences(of: "expect not frozen(net.head)", with: "expect trainable(net) > 1000")
        let result = LessonRunner(try Lesson.parse(text, fileName: "01-fixture.md")).replay()
        #expect(!result.passed)
        #expect(!result.stopped)
        #expect(result.failures.count == 1)
        let failure = try #require(result.failures.first)
        #expect(failure.line == 44)
        #expect(failure.source == "expect trainable(net) > 1000")
        #expect(failure.message.contains("trainable(net) = 170"))
        #expect(failure.description.hasPrefix("01-fixture.md:44: expect trainable(net) > 1000: "))
    }

    @Test func anErrorStopsTheReplay() throws {
        let text = Fixtures.fixture.replacingOccurrences(of: "train net on digits epochs 1", with: "train nett on digits epochs 1")
        let result = LessonRunner(try Lesson.parse(text, fileName: "01-fixture.md")).replay()
        #expect(result.stopped)
        #expect(result.failures.map(\.line) == [16])
        #expect(result.checks.isEmpty)
    }

    @Test func aRevealWhereNoChoiceHoldsFails() throws {
        let text = Fixtures.fixture.replacingOccurrences(of: "a: fewer than 2000 | params(net) < 2000", with: "a: fewer than 20 | params(net) < 20")
            .replacingOccurrences(of: "b: 2000 or more | params(net) >= 2000", with: "b: 2000 or more | params(nett) >= 2000")
        let result = LessonRunner(try Lesson.parse(text, fileName: "01-fixture.md")).replay()
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.source == "thaw reveal id=size")
        #expect(result.failures.first?.message.hasPrefix("the condition of choice `b` cannot be evaluated") == true)
    }

    @Test(arguments: 1...5)
    func theSeedOverrideReplacesTheLessonsSeed(seed: UInt64) throws {
        let runner = LessonRunner(try Fixtures.fixtureLesson(), seed: seed)
        let result = runner.replay()
        #expect(result.passed)
        guard case let .code(first)? = runner.session.transcript.cells.first(where: { if case .code = $0 { true } else { false } }) else {
            Issue.record("no code cell")
            return
        }
        #expect(first.source.hasPrefix("seed \(seed)\n"))
        #expect(runner.session.seedValue == seed)
    }

    @Test func aLessonWithoutASeedLineIsSeededBeforeItRuns() throws {
        let lesson = try Lesson.parse(Fixtures.lesson("```thaw\nnet = mlp 64 10\n```\n"), fileName: "x.md")
        let runner = LessonRunner(lesson, seed: 4)
        runner.replay()
        #expect(runner.session.seedValue == 4)
    }
}
