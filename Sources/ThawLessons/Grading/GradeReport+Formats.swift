import Foundation
import ThawText

extension GradeReport {
    public enum Format: String, CaseIterable, Sendable {
        case gradescope, junit, text
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .gradescope: gradescopeJSON()
        case .junit: junitXML()
        case .text: text()
        }
    }

    /// Gradescope's `results.json`: a total `score` and one test per exercise, each with
    /// `score`, `max_score`, `status` and the output a learner reads.
    /// See https://gradescope-autograders.readthedocs.io/en/latest/specs/.
    public func gradescopeJSON() -> String {
        let tests: [[String: Any]] = exercises.map { e in
            ["name": "\(e.lessonTitle): \(e.exerciseID)",
             "number": e.number,
             "score": e.passed ? 1 : 0,
             "max_score": 1,
             "status": e.passed ? "passed" : "failed",
             "output": e.output + e.reasoningText,
             "visibility": "visible"]
        }
        let root: [String: Any] = [
            "score": score,
            "output": (["\(score) of \(maxScore) exercises solved"] + notes).joined(separator: "\n"),
            "visibility": "visible",
            "stdout_visibility": "hidden",
            "tests": tests,
        ]
        // Sorted keys: the same answers give the same bytes.
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JUnit XML, as CI systems read it: one `testsuite` per lesson, one `testcase` per exercise.
    public func junitXML() -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"thaw\" tests=\"\(maxScore)\" failures=\"\(maxScore - score)\">"]
        var order: [String] = []
        for e in exercises where !order.contains(e.lessonID) { order.append(e.lessonID) }
        for lessonID in order {
            let cases = exercises.filter { $0.lessonID == lessonID }
            let time = cases.map(\.seconds).reduce(0, +)
            lines.append("  <testsuite name=\"\(XMLText.escaped(lessonID))\" tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\" time=\"\(seconds(time))\">")
            for e in cases {
                let open = "    <testcase classname=\"\(XMLText.escaped(lessonID))\" name=\"\(XMLText.escaped(e.exerciseID))\" time=\"\(seconds(e.seconds))\""
                if e.passed {
                    lines.append(open + "/>")
                } else {
                    let message = !e.answered ? "no answer" : firstFailure(e) ?? "the check did not pass"
                    lines.append(open + ">")
                    lines.append("      <failure message=\"\(XMLText.escaped(message))\">\(XMLText.escaped(e.output))</failure>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per exercise and the score.
    public func text() -> String {
        var lines: [String] = []
        for e in exercises {
            lines.append("\(e.passed ? "✓" : "✗") \(e.name)")
            if !e.passed { lines += e.output.split(separator: "\n").map { "    " + $0 } }
            // A pass can still hide mistakes (a typo, a refused file): the student should see them.
            else { lines += e.output.split(separator: "\n").filter { $0.hasPrefix("answer line") }.map { "    " + $0 } }
            lines += e.reasoning.map { "    why: " + $0 }
        }
        lines += notes.map { "note: " + $0 }
        lines.append("score: \(score)/\(maxScore)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func firstFailure(_ e: GradedExercise) -> String? {
        e.output.split(separator: "\n").first {
            $0.hasPrefix("✗") || $0.hasPrefix("error") || $0.hasPrefix("the lesson") || $0.hasPrefix("answer line") || $0.hasPrefix("not graded") || $0.hasPrefix("stopped")
        }.map(String.init)
    }

    private func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

}

extension GradedExercise {
    /// The learner's reasons after the output, for Gradescope's per-test text.
    var reasoningText: String {
        reasoning.isEmpty ? "" : "\n\nThe learner's reasons:\n" + reasoning.map { "- " + $0 }.joined(separator: "\n")
    }
}
