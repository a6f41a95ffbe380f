import Foundation
import ThawLab
import ThawLang

/// The shell's lesson walkthrough over a live session.
///
/// It installs itself as the session's `externalCommand`, so `lessons`, `next`, `hint`,
/// `check` and `predict` typed at the prompt reach it, and everything else the learner types
/// runs as usual in between. Progress goes to `HOME/progress.json` after every change; the
/// commands typed during an exercise go to `HOME/answers/LESSON/EXERCISE.thaw` at `check`.
///
/// ```swift
/// let guide = LessonGuide(session: Session())
/// let shown = guide.execute("lessons 1")     // the first prose and block, to print
/// guide.execute("next")                      // runs that block, shows what follows
/// ```
public final class LessonGuide {
    public let session: Session
    public let catalog: LessonCatalog
    /// Where progress and answers are kept (`ThawHome.url` unless given).
    public let home: URL
    public internal(set) var progress: CourseProgress

    /// The open lesson.
    public internal(set) var lesson: Lesson?
    /// Index in `lesson.steps` of the block in front of the learner; `steps.count` at the end.
    public internal(set) var position = 0
    /// Set by a first `next` at an unanswered prediction or unsolved exercise; a second skips.
    var skipArmed = false
    /// The commands typed since the current exercise was shown: the learner's answer.
    public internal(set) var answerLines: [String] = []
    /// What a lesson command shows beyond its own outputs (prose, the next block, the
    /// outputs of a block `next` ran); collected while `execute` runs.
    var display: [Output] = []
    var executing = false
    /// The learner's commands on the line being run, during an exercise: part of the answer
    /// if a `check` on the same line runs, and kept afterwards unless the line failed.
    var pendingAnswer: String?
    /// Commands the learner ran (without error) since the current block was shown: when they
    /// typed a whole `thaw` block themselves, `next` moves on instead of running it again.
    var typedSinceShown: [String] = []

    /// The commands this guide handles: the catalogue's lesson family.
    static let commands = Set(CommandCatalog.commands(in: .lessons).map(\.name))

    public init(session: Session, catalog: LessonCatalog = .located(), home: URL = ThawHome.url) {
        self.session = session
        self.catalog = catalog
        self.home = home
        progress = CourseProgress.load(from: home)
        // Weak: the guide owns the session, not the other way round. A session that outlives
        // its guide goes back to saying that lesson commands need a lesson.
        session.externalCommand = { [weak self] statement in self?.handle(statement) }
    }

    /// What `execute` gives back for the shell to draw.
    public struct Response: Sendable, Equatable {
        public var outputs: [Output]
        /// True when something failed: an error, or a check that did not hold.
        public var failed: Bool
    }

    /// Runs one line the learner typed: in the session (which calls back into the guide for
    /// lesson commands), then gathers everything to show. Navigation cells (`next`,
    /// `lessons`) are dropped from the transcript: what they ran is recorded on its own.
    public func execute(_ line: String) -> Response {
        let exercise = currentExercise
        let place = (lesson?.id, position)
        let script = Script(line)
        let typed = Self.learnerStatements(script)
        // A comment typed during an exercise is kept too: `# why: …` lines are the learner's
        // reasons, which `thaw grade` quotes for the instructor (see `Reasoning`).
        let comment = line.trimmingCharacters(in: .whitespaces).hasPrefix("#") ? line.trimmingCharacters(in: .whitespaces) : nil
        pendingAnswer = exercise == nil ? nil : typed.isEmpty ? comment : typed.joined(separator: "; ")
        display = []
        executing = true
        let entry = session.run(script)
        executing = false
        let outputs = entry.outputs + display
        display = []
        if let pending = pendingAnswer, currentExercise != nil, currentExercise?.id == exercise?.id,
           !entry.outputs.contains(where: \.isError) {
            answerLines.append(pending)
        }
        pendingAnswer = nil
        if place == (lesson?.id, position), !entry.outputs.contains(where: \.isError) { typedSinceShown += typed }
        let names = script.statements.map(\.command.name)
        let navigation: Set = [NextCommand.about.name, LessonsCommand.about.name]
        if !names.isEmpty, names.allSatisfy(navigation.contains),
           case let .code(last)? = session.transcript.cells.last, last == entry {
            session.transcript.cells.removeLast()
        }
        return Response(outputs: outputs, failed: outputs.contains { $0.isError || $0.isFailedCheck })
    }

    /// The prompt: `thaw> `, or `thaw[freezing 3/9]> ` inside a lesson.
    public var prompt: String {
        guard let lesson else { return "thaw> " }
        let blocks = lesson.steps.indices.filter { lesson.steps[$0].isBlock }
        let done = blocks.filter { $0 < position }.count
        return "thaw[\(lesson.slug) \(min(done + 1, blocks.count))/\(blocks.count)]> "
    }

    /// The session's hook: handles the lesson commands, leaves the rest (nil) to the session.
    func handle(_ statement: Statement) -> [Output]? {
        let command = statement.command
        var outputs: [Output]
        switch CommandCatalog.definition(named: command.name) {
        case is LessonsCommand.Type:
            let lesson = LessonsCommand(command).lesson
            let key = lesson.flatMap { $0.word ?? $0.string ?? $0.integer.map(String.init) }
            outputs = key.map(open) ?? list()
        case is NextCommand.Type: outputs = next()
        case is HintCommand.Type: outputs = hint()
        case is CheckCommand.Type: outputs = check()
        case is PredictCommand.Type: outputs = predict(PredictCommand(command).choice)
        default: return nil
        }
        // Outside `execute` (a session driven directly) nothing else would show the display.
        if !executing {
            outputs += display
            display = []
        }
        return outputs
    }

    /// Adds to what this line shows.
    func show(_ outputs: Output...) { display += outputs }
    func show(_ outputs: [Output]) { display += outputs }

    /// Saves progress; a failure to write is said once per line, never fatal.
    func saveProgress() {
        do { try progress.save(to: home) } catch {
            show(.note("could not save progress: \(error)"))
        }
    }
}

extension Output {
    var isError: Bool { if case .error = self { true } else { false } }
    var isFailedCheck: Bool { if case let .check(c) = self { !c.passed } else { false } }
}
