import Foundation
import ThawLab

/// A prediction revealed: each choice's condition evaluated on the live state, and what the
/// learner predicted (if anyone did).
public struct RevealOutcome: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var choice: Prediction.Choice
        /// nil when the condition could not be evaluated.
        public var held: Bool?
        /// The values behind the condition (`accuracy(net, old) = 0.93`), or the error.
        public var detail: String
    }

    public var prediction: Prediction
    public var rows: [Row]
    /// The label the learner chose, if any.
    public var predicted: String?

    /// Evaluates every choice of `prediction` in `session`, without recording anything.
    public init(_ prediction: Prediction, in session: Session, predicted: String? = nil) {
        self.prediction = prediction
        self.predicted = predicted
        rows = prediction.choices.map { choice in
            switch session.explainCondition(choice.condition) {
            case let .check(result): Row(choice: choice, held: result.passed, detail: result.values.joined(separator: ", "))
            case let .error(message): Row(choice: choice, held: nil, detail: message)
            default: Row(choice: choice, held: nil, detail: "")
            }
        }
    }

    /// The labels of the choices that held.
    public var held: [String] { rows.filter { $0.held == true }.map(\.choice.label) }

    /// Why the reveal cannot be trusted: no choice held, or a condition failed to evaluate.
    /// A lesson whose reveal says nothing useful is broken, so a replay counts this as a failure.
    public var problem: String? {
        if let broken = rows.first(where: { $0.held == nil }) {
            return "the condition of choice `\(broken.choice.label)` cannot be evaluated: \(broken.detail)"
        }
        if held.isEmpty {
            return "no choice held: " + rows.map { "\($0.choice.label) (\($0.detail))" }.joined(separator: ", ")
        }
        return nil
    }

    /// A sentence comparing the prediction with what held.
    public var verdict: String {
        let heldText = held.isEmpty ? "no choice held" : "\(held.map { "`\($0)`" }.joined(separator: " and ")) held"
        guard let predicted else { return heldText + " (no prediction was made)" }
        return held.contains(predicted)
            ? "you predicted `\(predicted)`, and it held."
            : "you predicted `\(predicted)`; \(heldText). Worth a second look at why."
    }

    /// For the terminal: the question, a table of choices, the verdict.
    public var outputs: [Output] {
        let table = Table(title: prediction.question, columns: ["", "choice", "held", "because"],
                          rows: rows.map { row in
                              [row.choice.label == predicted ? "▸ \(row.choice.label)" : row.choice.label,
                               row.choice.text, row.held.map { $0 ? "yes" : "no" } ?? "?", row.detail]
                          })
        return [.table(table), .note(verdict)]
    }

    /// For the transcript (and so for notebook and Markdown export).
    public var markdown: String {
        var lines = ["**Revealed:** \(prediction.question)", "", "| choice | held | because |", "|---|---|---|"]
        for row in rows {
            let held = row.held.map { $0 ? "yes" : "no" } ?? "?"
            let detail = row.detail.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            lines.append("| \(row.choice.label): \(row.choice.text) | \(held) | \(detail) |")
        }
        lines += ["", verdict]
        return lines.joined(separator: "\n")
    }
}

extension Prediction {
    /// The question and its choices, for the terminal and the transcript.
    public var markdown: String {
        (["**Predict first:** \(question)", ""] + choices.map { "- `\($0.label)`: \($0.text)" }).joined(separator: "\n")
    }
}
