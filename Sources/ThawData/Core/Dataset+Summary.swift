/// What a learner sees of a dataset in the terminal: a summary line, class counts, and a
/// preview (digits drawn with shade characters, words as text).
extension Dataset {
    /// The name, size, shape and class counts, e.g.
    /// `digits: 1797 examples of [64] (8x8 images), 10 classes` and a line of counts.
    public var summary: String {
        let what: String
        switch kind {
        case .image(let h, let w): what = "\(h)x\(w) images, values in [0, 1]"
        case .vector: what = "numeric features"
        case .text(let vocabulary): what = "token ids over \(vocabulary.size) tokens"
        }
        let counts = zip(classNames, classCounts).map { "\($0):\($1)" }.joined(separator: "  ")
        return "\(name): \(count) examples of \(sampleShape) (\(what)), \(classCount) classes\n  class counts  \(counts)"
    }

    /// Shade characters from paper to ink; a pixel is drawn two characters wide so that the
    /// image keeps its proportions in a terminal, whose cells are about twice as tall as wide.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The first `shown` examples from `start`: images drawn side by side (four to a row, so
    /// that a row of 8x8 images fits 80 columns) with their labels beneath; words with their
    /// labels; other features as numbers.
    public func preview(_ shown: Int = 1, from start: Int = 0) -> String {
        let indices = Array(start ..< min(start + max(shown, 0), count))
        guard !indices.isEmpty else { return "  (no examples)" }
        switch kind {
        case .image(let h, let w):
            let perRow = 4
            return stride(from: 0, to: indices.count, by: perRow).map { row in
                drawImages(Array(indices[row ..< min(row + perRow, indices.count)]), height: h, width: w)
            }.joined(separator: "\n\n")
        case .text(let vocabulary):
            let words = indices.map { vocabulary.decode(values(at: $0).map { Int($0) }) }
            let column = (words.map(\.count).max() ?? 0) + 2
            return zip(indices, words).map { i, word in
                "  " + word.padding(to: column) + classNames[labels[i]]
            }.joined(separator: "\n")
        case .vector:
            return indices.map { i in
                let shown = values(at: i).prefix(6).map { String($0) }.joined(separator: ", ")
                return "  [\(shown)\(sampleSize > 6 ? ", …" : "")]  \(classNames[labels[i]])"
            }.joined(separator: "\n")
        }
    }

    /// Draws images side by side, one line per pixel row, then a line of labels.
    func drawImages(_ indices: [Int], height: Int, width: Int) -> String {
        let gap = "   "
        var lines: [String] = []
        for r in 0..<height {
            let parts = indices.map { i -> String in
                let pixels = values(at: i)
                let base = pixels.startIndex + r * width
                return String(pixels[base ..< base + width].flatMap { v -> [Character] in
                    let level = Int((min(max(v, 0), 1) * Float(Dataset.shades.count - 1)).rounded())
                    return [Dataset.shades[level], Dataset.shades[level]]
                })
            }
            lines.append("  " + parts.joined(separator: gap))
        }
        let captions = indices.map { "“\(classNames[labels[$0]])”".padding(to: 2 * width) }
        lines.append("  " + captions.joined(separator: gap))
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }
}

extension String {
    /// The string followed by spaces up to `width` characters (never cut).
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }

    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
