import Foundation
import ThawLang

/// A class graded at once (`thaw grade CLASS_DIR --class`): one graded report per student,
/// a gradebook CSV, and a summary an instructor reads before the next class — pass rate per
/// exercise, the check most often failed, and how the class answered each predict question.
public struct ClassReport: Sendable {
    public struct Student: Sendable {
        public var name: String
        public var report: GradeReport
        /// lesson id → prediction id → label, from the student's `predictions.txt` files.
        public var predictions: [String: [String: String]]
        public init(name: String, report: GradeReport, predictions: [String: [String: String]]) {
            self.name = name
            self.report = report
            self.predictions = predictions
        }
    }

    public var students: [Student]
    /// The lessons graded, in course order (their predict questions are summarised).
    public var lessons: [Lesson]

    public init(students: [Student], lessons: [Lesson]) {
        self.students = students
        self.lessons = lessons
    }

    /// The exercises graded, `lesson/exercise`, in the order of the reports.
    public var exerciseNames: [String] { students.first?.report.exercises.map(\.name) ?? [] }

    // MARK: The gradebook

    /// One row per student: name, score, out of, then 1 or 0 per exercise.
    public func csv() -> String {
        var rows = [(["student", "score", "max_score"] + exerciseNames).map(Self.cell).joined(separator: ",")]
        for student in students {
            let marks = student.report.exercises.map { $0.passed ? "1" : "0" }
            rows.append(([Self.cell(student.name), String(student.report.score), String(student.report.maxScore)] + marks).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A CSV cell: quoted when it must be; a leading `=`, `+`, `-` or `@` is defused with `'`,
    /// because a student's folder name must not become a spreadsheet formula.
    static func cell(_ text: String) -> String {
        var text = ControlCharacters.visible(text)
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: The summary

    /// Markdown: the class's scores, each exercise's pass rate and most-failed check, and the
    /// predictions.
    public func summary() -> String {
        let count = students.count
        var lines = ["# Class report", ""]
        guard count > 0 else { return (lines + ["No student folders were found."]).joined(separator: "\n") + "\n" }
        let scores = students.map(\.report.score).sorted()
        let maxScore = students[0].report.maxScore
        lines.append("\(count) student\(count == 1 ? "" : "s"); scores out of \(maxScore): lowest \(scores.first!), median \(scores[count / 2]), highest \(scores.last!).")
        lines += ["", "## Exercises", "", "| exercise | solved | most often failed |", "|---|---|---|"]
        for (index, name) in exerciseNames.enumerated() {
            let graded = students.compactMap { $0.report.exercises.indices.contains(index) ? $0.report.exercises[index] : nil }
            let solved = graded.filter(\.passed).count
            lines.append("| \(Self.escaped(name)) | \(solved) of \(graded.count) (\(Self.percent(solved, graded.count))) | \(Self.escaped(Self.mostFailed(graded))) |")
        }
        let questions = lessons.flatMap { lesson in lesson.predictions.map { (lesson, $0) } }
        if !questions.isEmpty {
            lines += ["", "## Predictions", "",
                      "How the class answered each predict question (from the `predictions.txt` the shell keeps beside the answers); good openings for a discussion.", ""]
            for (lesson, prediction) in questions {
                let answers = students.compactMap { $0.predictions[lesson.id]?[prediction.id] }
                lines.append("- **\(Self.escaped(lesson.title))**, `\(prediction.id)`: \(Self.escaped(prediction.question)) — \(answers.count) answered")
                for choice in prediction.choices {
                    let n = answers.filter { $0 == choice.label }.count
                    lines.append("  - `\(choice.label)` \(Self.escaped(choice.text)): \(n)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The failed check named most often among failed attempts (`no answer` when most sent
    /// none); on a tie, the one met first.
    static func mostFailed(_ graded: [GradedExercise]) -> String {
        let reasons = graded.filter { !$0.passed }.map { exercise in
            !exercise.answered ? "no answer" : firstFailedCheck(exercise.output) ?? "an error before the check"
        }
        var top: (reason: String, count: Int)?
        for reason in reasons where top?.reason != reason {
            let count = reasons.filter { $0 == reason }.count
            if count > top?.count ?? 0 { top = (reason, count) }
        }
        return top.map { "\($0.reason) (\($0.count))" } ?? "–"
    }

    /// The claim of the first `✗ expect …` line of a report, without its numbers.
    static func firstFailedCheck(_ report: String) -> String? {
        guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("✗ expect ") }) else { return nil }
        let claim = line.dropFirst("✗ ".count)
        return String(claim.range(of: "  (").map { claim[..<$0.lowerBound] } ?? claim)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
    }

    /// Table-safe Markdown: pipes escaped, control characters made visible.
    static func escaped(_ text: String) -> String {
        ControlCharacters.visible(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
