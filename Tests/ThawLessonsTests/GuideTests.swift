import Foundation
import Testing
import ThawLab
import ThawLessons

@Suite("Shell walkthrough")
struct GuideTests {
    func guide(home: URL) throws -> LessonGuide {
        LessonGuide(session: Session(), catalog: LessonCatalog(lessons: [try Fixtures.fixtureLesson()]), home: home)
    }

    /// Everything a response shows, as text, for loose matching.
    func text(_ response: LessonGuide.Response) -> String {
        response.outputs.map { output -> String in
            switch output {
            case let .text(t), let .preformatted(t), let .note(t), let .error(t): t
            case .markdown: TerminalRenderer().render(output)   // prose, its markers removed
            case let .check(c): (c.passed ? "✓ " : "✗ ") + c.claim
            case let .table(t): ([t.title ?? ""] + t.rows.map { $0.joined(separator: " | ") }).joined(separator: "\n")
            default: ""
            }
        }.joined(separator: "\n")
    }

    @Test func walksTheFixtureFromListToCompletion() throws {
        let home = Fixtures.temporaryFolder()
        let guide = try guide(home: home)
        #expect(text(guide.execute("lessons")).contains("1 | fixture | A small fixture | "))
        #expect(guide.prompt == "thaw> ")

        let opened = text(guide.execute("lessons fixture"))
        // The heading shows as its text; the `#` markers are Markdown, not for the reader.
        #expect(opened.contains("A tiny network") && !opened.contains("# A tiny network"))
        #expect(opened.contains("    seed 3"))
        #expect(guide.prompt == "thaw[fixture 1/4]> ")

        let ran = text(guide.execute("next"))
        #expect(ran.contains("▸ train net on digits epochs 1"))
        #expect(ran.contains("Predict first: How many parameters does the network have?"))
        #expect(guide.session.names == ["digits", "net"])

        #expect(text(guide.execute("next")).contains("predict first"))       // nudged once
        #expect(text(guide.execute("predict c")).contains("`c` is not a choice here"))
        #expect(text(guide.execute("predict b")).contains("you predicted `b`: 2000 or more"))
        let revealed = text(guide.execute("next"))
        #expect(revealed.contains("you predicted `b`; `a` held."))
        #expect(revealed.contains("Exercise `freeze`: your turn."))
        #expect(guide.currentExercise?.id == "freeze")

        #expect(text(guide.execute("hint")) == "hint: Use `freeze net except net.head`.")
        let failed = guide.execute("freeze net; check")
        #expect(failed.failed)
        #expect(text(failed).contains("not yet: 1 of 2 checks hold"))
        #expect(text(failed).contains("hint: You froze the head too: `unfreeze net.head`."))
        // A comment typed during the exercise is part of the answer: `# why:` lines are reasons.
        #expect(!guide.execute("# why: the head is new, the trunk is not").failed)
        let passed = guide.execute("unfreeze net.head")
        #expect(!passed.failed)
        let solved = text(guide.execute("check"))
        #expect(solved.contains("✓ solved: `freeze`"))
        #expect(solved.contains("✓ lesson complete: A small fixture."))
        #expect(guide.currentExercise == nil)

        let answer = try String(contentsOf: home.appendingPathComponent("answers/fixture/freeze.thaw"), encoding: .utf8)
        #expect(answer == "freeze net\n# why: the head is new, the trunk is not\nunfreeze net.head\n")
        let progress = CourseProgress.load(from: home)
        #expect(progress.current == "fixture")
        #expect(progress[lesson: "fixture"].done)
        #expect(progress[lesson: "fixture"].solved == ["freeze"])
        #expect(progress[lesson: "fixture"].predictions == ["size": "b"])
        #expect(text(guide.execute("lessons")).contains("✓ done"))
    }

    @Test func navigationIsLeftOutOfTheTranscript() throws {
        let guide = try guide(home: Fixtures.temporaryFolder())
        _ = guide.execute("lessons 1")
        _ = guide.execute("next")
        let sources = guide.session.transcript.cells.compactMap { if case let .code(e) = $0 { e.source } else { nil } }
        #expect(sources.first?.hasPrefix("seed 3\ndigits = load digits\n") == true)
        #expect(!sources.contains("next"))
        #expect(!sources.contains("lessons 1"))
        #expect(guide.session.transcript.cells.contains { if case let .markdown(m) = $0 { m.hasPrefix("# A tiny") } else { false } })
    }

    @Test func aSecondNextSkipsAnExerciseAndRunsTheSolution() throws {
        let guide = try guide(home: Fixtures.temporaryFolder())
        for line in ["lessons 1", "next", "predict a", "next"] { _ = guide.execute(line) }
        #expect(text(guide.execute("next")).contains("`next` again to skip"))
        let skipped = text(guide.execute("next"))
        #expect(skipped.contains("▸ freeze net except net.head"))
        #expect(guide.session.condition("frozen(net.0)") == true)
        #expect(guide.progress[lesson: "fixture"].solved.isEmpty)
    }

    @Test func aBlockTheLearnerTypedIsNotRunAgain() throws {
        let guide = try guide(home: Fixtures.temporaryFolder())
        _ = guide.execute("lessons 1")
        for line in ["seed 3", "digits = load digits", "net = mlp 64 16 10", "train  net on digits epochs 1"] {
            #expect(!guide.execute(line).failed)
        }
        #expect(text(guide.execute("next")).contains("you ran these yourself; on we go"))
        let trains = guide.session.transcript.cells.filter { if case let .code(e) = $0 { e.source.hasPrefix("train") } else { false } }
        #expect(trains.count == 1)
        // Half a block typed is not the block: `next` runs all of it.
        let fresh = try self.guide(home: Fixtures.temporaryFolder())
        _ = fresh.execute("lessons 1")
        _ = fresh.execute("seed 3")
        #expect(text(fresh.execute("next")).contains("▸ train net on digits epochs 1"))
    }

    @Test func reopeningResumesWhereTheLearnerLeftOff() throws {
        let home = Fixtures.temporaryFolder()
        let first = try guide(home: home)
        for line in ["lessons 1", "next", "predict a"] { _ = first.execute(line) }
        #expect(first.progress[lesson: "fixture"].step == 4)

        let second = try guide(home: home)
        let resumed = text(second.execute("next"))  // no lesson open: `next` resumes the current one
        #expect(resumed.contains("resumed where you left off"))
        #expect(resumed.contains("`next` reveals what happened"))
        #expect(second.session.names == ["digits", "net"])
        #expect(second.prompt == "thaw[fixture 3/4]> ")
    }

    @Test func lessonCommandsOutsideALesson() throws {
        let guide = try guide(home: Fixtures.temporaryFolder())
        #expect(text(guide.execute("check")).contains("there is no exercise in front of you"))
        #expect(text(guide.execute("hint")).contains("hints are for exercises"))
        #expect(text(guide.execute("predict a")).contains("nothing to predict"))
        #expect(text(guide.execute("lessons 7")) == "there is no lesson `7`: `lessons` lists them")
        #expect(text(guide.execute("next")).contains("no lesson is open"))
    }

    @Test func theSessionHookWorksWithoutExecuteToo() throws {
        let session = Session()
        let guide = LessonGuide(session: session, catalog: LessonCatalog(lessons: [try Fixtures.fixtureLesson()]),
                                home: Fixtures.temporaryFolder())
        withExtendedLifetime(guide) {
            let entry = session.run("lessons 1")
            #expect(entry.outputs.contains(.markdown("# A tiny network\n\nProse before the first block.")))
        }
    }
}
