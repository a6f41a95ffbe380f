import Testing
import ThawLessons

@Suite("Lesson parsing")
struct ParserTests {
    @Test func readsTheFrontMatterAndTheSteps() throws {
        let lesson = try Fixtures.fixtureLesson()
        #expect(lesson.id == "fixture")
        #expect(lesson.title == "A small fixture")
        #expect(lesson.summary == "Freezing a tiny network, fast.")
        #expect(lesson.number == 1)
        #expect(lesson.slug == "fixture")
        let kinds = lesson.steps.map { step -> String in
            switch step {
            case .prose: "prose"
            case .commands: "commands"
            case .predict: "predict"
            case .reveal: "reveal"
            case .exercise: "exercise"
            }
        }
        #expect(kinds == ["prose", "commands", "predict", "prose", "reveal", "prose", "exercise", "prose"])
        guard case let .prose(first) = lesson.steps[0], case let .commands(block) = lesson.steps[1] else {
            Issue.record("unexpected steps")
            return
        }
        #expect(first == "# A tiny network\n\nProse before the first block.")
        #expect(block.line == 12)
        #expect(block.text.hasPrefix("seed 3\ndigits = load digits"))
    }

    @Test func attachesSolutionCheckAndHintsToTheirExercise() throws {
        let lesson = try Fixtures.fixtureLesson()
        let exercise = try #require(lesson.exercise("freeze"))
        #expect(exercise.starter.text == "# freeze the first layer, keep the head trainable")
        #expect(exercise.solution.text == "freeze net except net.head")
        #expect(exercise.check.units.map(\.command) == ["expect frozen(net.0)", "expect not frozen(net.head)"])
        #expect(exercise.hints.map(\.when) == ["frozen(net.head)", nil])
        #expect(exercise.hints[0].text == "You froze the head too: `unfreeze net.head`.")
        #expect(lesson.stepIndex(ofExercise: "freeze") == 6)
    }

    @Test func readsPredictionChoices() throws {
        let prediction = try #require(try Fixtures.fixtureLesson().prediction("size"))
        #expect(prediction.question == "How many parameters does the network have?")
        #expect(prediction.choices == [
            .init(label: "a", text: "fewer than 2000", condition: "params(net) < 2000"),
            .init(label: "b", text: "2000 or more", condition: "params(net) >= 2000"),
        ])
    }

    @Test func commandUnitsCarryTheCommentsAboveThem() throws {
        let block = CodeBlock("seed 1\n\n# why\n# and why not\nnet = mlp 64 10  # trailing\n# dangling", line: 20)
        #expect(block.units.map(\.source) == ["seed 1", "# why\n# and why not\nnet = mlp 64 10  # trailing"])
        #expect(block.units.map(\.line) == [20, 24])
        #expect(block.units.map(\.command) == ["seed 1", "net = mlp 64 10  # trailing"])
    }

    @Test func nonThawFencesStayInTheProseEvenWhenTheyShowAThawBlock() throws {
        let text = Fixtures.lesson("""
            Intro.

            ````markdown
            ```thaw
            frezee net
            ```
            ````

            ~~~thaw
            seed 1
            ~~~
            """)
        let lesson = try Lesson.parse(text, fileName: "02-x.md")
        #expect(lesson.steps.count == 2)
        guard case let .prose(prose) = lesson.steps[0], case let .commands(block) = lesson.steps[1] else {
            Issue.record("expected prose, then commands")
            return
        }
        #expect(prose.contains("frezee net"))
        #expect(block.text == "seed 1")
        #expect(block.line == 14)
    }

    @Test func unknownBlockKindIsNamedWithItsLineAndASuggestion() {
        let problems = Fixtures.problems(Fixtures.lesson("text\n\n```thaw exercize id=a\nseed 1\n```\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 7)
        #expect(problems.first?.message.contains("unknown block kind `thaw exercize`") == true)
        #expect(problems.first?.message.contains("did you mean `thaw exercise`?") == true)
        #expect(problems.first?.description.hasPrefix("09-bad.md:7: error: ") == true)
    }

    @Test func exerciseWithoutCheckOrSolution() {
        let wrong = "```thaw wrong id=e\nseed 2\n```\n"
        let noCheck = Fixtures.problems(Fixtures.lesson("```thaw exercise id=e\n```\n```thaw solution id=e\nseed 1\n```\n" + wrong))
        #expect(noCheck.map(\.message) == ["exercise `e` has no `thaw check id=e` block"])
        #expect(noCheck.first?.line == 5)
        let noSolution = Fixtures.problems(Fixtures.lesson("```thaw exercise id=e\n```\n```thaw check id=e\nexpect 1 < 2\n```\n" + wrong))
        #expect(noSolution.map(\.message) == ["exercise `e` has no `thaw solution id=e` block"])
        // Every exercise keeps an answer by another method, which its check must refuse.
        let noWrong = Fixtures.problems(Fixtures.lesson("```thaw exercise id=e\n```\n```thaw solution id=e\nseed 1\n```\n```thaw check id=e\nexpect 1 < 2\n```\n"))
        #expect(noWrong.map(\.message) == ["exercise `e` has no `thaw wrong id=e` block: an answer that reaches the goal by another method, which its check must refuse"])
    }

    @Test func duplicateIds() {
        let text = Fixtures.lesson("""
            ```thaw predict id=p
            question: q?
            a: yes | 1 < 2
            b: no | 1 > 2
            ```
            ```thaw exercise id=p
            ```
            """)
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 10)
        #expect(problems.first?.message == "the id `p` is used twice (first on line 5); each prediction and exercise needs its own")
    }

    @Test func unclosedFence() {
        let problems = Fixtures.problems(Fixtures.lesson("Intro.\n\n```thaw\nseed 1\n"))
        #expect(problems.map(\.line) == [7])
        #expect(problems.first?.message == "the `thaw` block opened here is never closed with ```")
    }

    @Test func missingFrontMatterAndFields() {
        #expect(Fixtures.problems("# Title\n").first?.message.hasPrefix("a lesson starts with front matter") == true)
        let noTitle = Fixtures.problems("---\nid: x\n---\n")
        #expect(noTitle.map(\.message) == ["the front matter needs a `title: …` line"])
        let unclosed = Fixtures.problems("---\nid: x\ntitle: T\n")
        #expect(unclosed.map(\.message) == ["the front matter opened here is never closed with `---`"])
    }

    @Test func commandsThatDoNotParseAreReportedAtTheirLessonLine() {
        let problems = Fixtures.problems(Fixtures.lesson("```thaw\nseed 1\nfrezee net\n```\n"))
        #expect(problems.map(\.line) == [7])
        #expect(problems.first?.message.contains("unknown command `frezee` — did you mean `freeze`?") == true)
    }

    @Test func attributesAndOrphansAndReveals() {
        let text = Fixtures.lesson("""
            ```thaw reveal id=p
            ```
            ```thaw hint id=e wen=x
            ```
            ```thaw solution id=ghost
            seed 1
            ```
            ```thaw check
            ```
            ```thaw id=e
            ```
            """)
        let messages = Fixtures.problems(text).map(\.message)
        #expect(messages.count == 5)
        #expect(messages[0] == "`thaw reveal id=p` has no `thaw predict id=p` before it")
        #expect(messages[1].hasPrefix("unknown attribute `wen` in `thaw hint id=e wen=x`: `thaw hint` takes `id=` and `when=`"))
        #expect(messages[2] == "`thaw solution id=ghost` belongs to no exercise: there is no `thaw exercise id=ghost`")
        #expect(messages[3] == "a `thaw check` block needs an id: `thaw check id=NAME`")
        #expect(messages[4].hasPrefix("a plain `thaw` block takes no `id=`"))
    }

    @Test func checksNeedAnExpectAndConditionsMustParse() {
        let text = Fixtures.lesson("""
            ```thaw exercise id=e
            ```
            ```thaw solution id=e
            seed 1
            ```
            ```thaw check id=e
            print 1
            ```
            ```thaw wrong id=e
            seed 2
            ```
            ```thaw hint id=e when=acuracy(net, old) > 0.5
            text
            ```
            """)
        let messages = Fixtures.problems(text).map(\.message)
        #expect(messages.contains("a `thaw check` block needs at least one `expect` line: it is what decides whether the exercise is solved"))
        #expect(messages.contains { $0.hasPrefix("the condition of `when=` `acuracy(net, old) > 0.5` does not parse: unknown function `acuracy`") })
    }

    @Test func malformedPredictions() {
        let text = Fixtures.lesson("""
            ```thaw predict id=p
            a: yes | 1 < 2
            ```
            ```thaw predict id=q
            question: q?
            on: yes | 1 < 2
            b: no
            ```
            """)
        let messages = Fixtures.problems(text).map(\.message)
        #expect(messages.contains("a prediction starts with its `question: …` line"))
        #expect(messages.contains { $0.hasPrefix("`on` cannot be a choice's label") })
        #expect(messages.contains("choice `b` needs a condition after `|`: `b: text | condition`"))
    }

    @Test func seedOverrideReplacesTheFirstSeedLineOnly() throws {
        let lesson = try Fixtures.fixtureLesson()
        let (seeded, replaced) = lesson.withSeed(5)
        #expect(replaced)
        guard case let .commands(block) = seeded.steps[1] else { Issue.record("no block"); return }
        #expect(block.text.hasPrefix("seed 5\n"))
        let noSeed = try Lesson.parse(Fixtures.lesson("```thaw\nnet = mlp 64 10\n```\n"), fileName: "x.md")
        #expect(noSeed.withSeed(2).replaced == false)
        #expect(CodeBlock("  seed 12 # why", line: 1).withSeedForTests(4) == "  seed 4 # why")
    }
}

extension CodeBlock {
    /// The text after `withSeed`, through the public `Lesson` API.
    func withSeedForTests(_ seed: UInt64) -> String? {
        let lesson = Lesson(id: "x", title: "x", fileName: "x.md", steps: [.commands(self)])
        guard case let .commands(block) = lesson.withSeed(seed).lesson.steps[0] else { return nil }
        return block.text
    }
}
