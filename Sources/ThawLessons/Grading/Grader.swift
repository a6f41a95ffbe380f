import Foundation

/// One exercise graded: passed or failed, with the account of why.
public struct GradedExercise: Sendable, Equatable {
    public var lessonID: String
    public var lessonTitle: String
    public var exerciseID: String
    /// `2.1` for the first exercise of lesson 2: Gradescope sorts tests by it.
    public var number: String
    /// nil when there was no answer file.
    public var result: ExerciseResult?
    /// Where the answer was looked for.
    public var answerFile: String
    public var seconds: Double

    public var passed: Bool { result?.passed ?? false }
    /// `freezing/freeze-head`.
    public var name: String { "\(lessonID)/\(exerciseID)" }
    /// What a learner reads: the checks with their numbers and the hint, or that no answer was found.
    public var output: String { result?.report ?? "no answer: \(answerFile) does not exist" }
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
                guard let answer = answers.answer(lesson: lesson.id, exercise: exercise.id) else {
                    if !skipMissing {
                        graded.append(GradedExercise(lessonID: lesson.id, lessonTitle: lesson.title, exerciseID: exercise.id,
                                                     number: number, result: nil, answerFile: file, seconds: 0))
                    }
                    continue
                }
                willGrade?(lesson, exercise)
                let start = Date()
                let result = LessonRunner(lesson).attempt(exercise: exercise.id, answer: answer)
                graded.append(GradedExercise(lessonID: lesson.id, lessonTitle: lesson.title, exerciseID: exercise.id,
                                             number: number, result: result, answerFile: file, seconds: Date().timeIntervalSince(start)))
            }
        }
        return GradeReport(exercises: graded)
    }
}

public struct GradingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The graded exercises; rendered as Gradescope JSON, JUnit XML or text.
public struct GradeReport: Sendable, Equatable {
    public var exercises: [GradedExercise]

    public init(exercises: [GradedExercise]) { self.exercises = exercises }

    /// One point per exercise passed.
    public var score: Int { exercises.filter(\.passed).count }
    public var maxScore: Int { exercises.count }
    public var allPassed: Bool { exercises.allSatisfy(\.passed) }
}
