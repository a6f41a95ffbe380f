import ThawLab

extension Transcript {
    /// Joins, from cell `start` on, each run of commands that printed nothing to the next
    /// command's cell: `seed 3`, `digits = load digits`, `net = mlp …`, `train …` become one
    /// cell with the training report under it.
    ///
    /// Commands run one at a time (so a failure names its line and the shell can echo each),
    /// but a notebook of one-line cells reads worse than the lesson did. No output changes
    /// command, since only commands without outputs are folded into the next.
    mutating func groupSilentCommands(from start: Int) {
        guard start < cells.count else { return }
        var grouped: [Cell] = []
        var pending: [TranscriptEntry] = []
        func flush(into entry: TranscriptEntry?) {
            guard var last = entry ?? pending.last else { return }
            let sources = pending.map(\.source) + (entry.map { [$0.source] } ?? [])
            last.source = sources.joined(separator: "\n")
            grouped.append(.code(last))
            pending = []
        }
        for cell in cells[start...] {
            switch cell {
            case let .code(entry) where entry.outputs.isEmpty:
                pending.append(entry)
            case let .code(entry):
                flush(into: entry)
            case .markdown:
                flush(into: nil)
                grouped.append(cell)
            }
        }
        flush(into: nil)
        cells.replaceSubrange(start..., with: grouped)
    }
}
