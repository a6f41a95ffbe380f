/// How a block is cut into the units that run one at a time: one per command line, with the
/// comment lines just above it attached, so that each transcript cell holds one command,
/// its outputs, and the author's note about it.
///
/// One command a cell is also what the shell records when a learner types, so a replayed
/// lesson, a walkthrough and a typed session export alike; and a failure names its line.
public struct CommandUnit: Sendable, Equatable {
    /// The comments above the command, then the command line.
    public var source: String
    /// The command line alone.
    public var command: String
    /// The line number of the command in the lesson file.
    public var line: Int
}

extension CodeBlock {
    /// The block's commands, each with the comment lines above it; blank lines separate
    /// comments from the command below them, and comments with no command below are dropped.
    public var units: [CommandUnit] {
        var units: [CommandUnit] = []
        var comments: [String] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = raw.trimmingBlanks
            if trimmed.isEmpty { comments = []; continue }
            if trimmed.hasPrefix("#") { comments.append(String(raw)); continue }
            let command = String(raw.trimmingTrailingBlanks)
            units.append(CommandUnit(source: (comments + [command]).joined(separator: "\n"), command: command, line: line + offset))
            comments = []
        }
        return units
    }
}
