import Foundation

/// One exercise graded: passed or failed, with the account of why.
public struct GradedExercise: Sendable, Equatable {
    public var lessonID: String
    public var lessonTitle: String
    public var exerciseID: String
    /// `2.1` for the first exercise of lesson 2: Gradescope sorts tests by it.
    public var number: String
    /// nil when there was no answer file, or when it ran elsewhere (see `outcome`).
    public var result: ExerciseResult?
    /// The outcome when the answer ran in a sandbox, or was refused or stopped there.
    public var outcome: AttemptOutcome?
    /// Where the answer was looked for.
    public var answerFile: String
    public var seconds: Double
    /// The answer's `# why:` lines (see `Reasoning`), quoted for the instructor.
    public var reasoning: [String] = []

    public var passed: Bool { outcome?.passed ?? result?.passed ?? false }
    /// Whether there was an answer to grade (refused ones count: the student sent a file).
    public var answered: Bool { outcome != nil || result != nil }
    /// `freezing/freeze-head`.
    public var name: String { "\(lessonID)/\(exerciseID)" }
    /// What a learner reads: the checks with their numbers and the hint, or that no answer was found.
    public var output: String { outcome?.report ?? result?.report ?? "no answer: \(answerFile) does not exist" }
}

/// Grades a folder of answers against the lessons: every exercise's answer runs after a
/// replay of its lesson up to the exercise, then the exercise's check decides.
public struct Grader {
    public var catalog: LessonCatalog
    public var answers: AnswerStore
    /// Lesson ids, slugs or numbers to grade; empty means all.
    public var only: [String] = []
    /// Called before each exercise runs (for progress lines).
    public var willGrade: ((Lesson, Exercise) -> Void)?
    /// Runs one answer somewhere else (`thaw grade`'s sandbox: a child process with budgets).
    /// Without it, answers run in this process (`thaw check`: the learner's own answers).
    public var runAttempt: ((Lesson, Exercise, String) -> AttemptOutcome)?

    public init(catalog: LessonCatalog, answers: AnswerStore, only: [String] = []) {
        self.catalog = catalog
        self.answers = answers
        self.only = only
    }

    /// The lessons selected by `only`, or every lesson. Throws the keys that match none.
    public func selectedLessons() throws(GradingError) -> [Lesson] {
        guard !only.isEmpty else { return catalog.lessons }
        var lessons: [Lesson] = []
        for key in only {
            guard let lesson = catalog.lesson(key) else { throw GradingError("no lesson `\(key)`") }
            if !lessons.contains(where: { $0.id == lesson.id }) { lessons.append(lesson) }
        }
        return lessons
    }

    /// Grades every exercise of the selected lessons. With `skipMissing`, exercises with no
    /// answer file are left out (`thaw check`: not there yet); otherwise they fail (`thaw grade`).
    public func grade(skipMissing: Bool = false) throws(GradingError) -> GradeReport {
        var graded: [GradedExercise] = []
        for lesson in try selectedLessons() {
            for (index, exercise) in lesson.exercises.enumerated() {
                let number = "\(lesson.number ?? (catalog.lessons.firstIndex { $0.id == lesson.id } ?? 0) + 1).\(index + 1)"
                let file = answers.file(lesson: lesson.id, exercise: exercise.id).path
                var entry = GradedExercise(lessonID: lesson.id, lessonTitle: lesson.title, exerciseID: exercise.id,
                                           number: number, result: nil, answerFile: file, seconds: 0)
                let answer: String
                switch answers.read(lesson: lesson.id, exercise: exercise.id) {
                case .missing:
                    if !skipMissing { graded.append(entry) }
                    continue
                case let .refused(reason):
                    entry.outcome = AttemptOutcome(passed: false, report: "not graded: " + reason)
                    graded.append(entry)
                    continue
                case let .text(text): answer = text
                }
                entry.reasoning = Reasoning.lines(in: answer)
                willGrade?(lesson, exercise)
                let start = Date()
                if let runAttempt {
                    entry.outcome = runAttempt(lesson, exercise, answer)
                } else {
                    entry.result = LessonRunner(lesson).attempt(exercise: exercise.id, answer: answer)
                }
                entry.seconds = Date().timeIntervalSince(start)
                graded.append(entry)
            }
        }
        let stray = answers.strayAnswers(for: catalog.lessons)
        return GradeReport(exercises: graded, notes: stray.map { "\($0) answers no exercise of the lessons: it was not graded (is its name misspelt?)" })
    }
}

/// An answer's outcome in words: what a sandboxed run sends back, and what a refused or
/// stopped one reports.
public struct AttemptOutcome: Codable, Sendable, Equatable {
    public var passed: Bool
    public var report: String
    public init(passed: Bool, report: String) {
        self.passed = passed
        self.report = report
    }
}

public struct GradingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The graded exercises; rendered as Gradescope JSON, JUnit XML or text.
public struct GradeReport: Sendable, Equatable {
    public var exercises: [GradedExercise]
    /// Things the student should know that belong to no exercise (answer files that answer
    /// nothing).
    public var notes: [String]

    public init(exercises: [GradedExercise], notes: [String] = []) {
        self.exercises = exercises
        self.notes = notes
    }

    /// One point per exercise passed.
    public var score: Int { exercises.filter(\.passed).count }
    public var maxScore: Int { exercises.count }
    public var allPassed: Bool { exercises.allSatisfy(\.passed) }
}
