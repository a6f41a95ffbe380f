import Foundation

/// The reasons a learner gives for an answer, for the instructor to read: the answer's
/// comment lines that start `# why:`. An open exercise (the capstone) can be passed by several
/// strategies, and the check cannot read a justification; `thaw grade` quotes it instead.
public enum Reasoning {
    /// The marker a reason line starts with, after `#` and blanks (any case).
    public static let marker = "why:"
    /// At most this many lines of at most this many characters are quoted: an answer file is
    /// a stranger's, and a report is read by a person.
    public static let lineLimit = 12
    public static let lengthLimit = 240

    /// The reasons in `answer`, in order, without `# why:`; long lines are cut with `…`.
    public static func lines(in answer: String) -> [String] {
        var found: [String] = []
        for raw in answer.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw.trimmingCharacters(in: .whitespaces))
            guard line.hasPrefix("#") else { continue }
            line = line.drop { $0 == "#" || $0 == " " || $0 == "\t" }
            guard line.lowercased().hasPrefix(marker) else { continue }
            let reason = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { continue }
            found.append(reason.count > lengthLimit ? String(reason.prefix(lengthLimit - 1)) + "…" : reason)
            if found.count == lineLimit { break }
        }
        return found
    }
}
