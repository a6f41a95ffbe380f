import Foundation
import ThawTensor

/// A learner's own table: a CSV file with numeric feature columns and one label column.
///
/// The first line is a header if a feature column holds a non-number there. The label column
/// is found by name in the header (default "label") or by position; every other column is a
/// feature and must hold finite numbers. Labels may be numbers or names; classes are the distinct labels,
/// sorted (numerically if they are all integers). Commas separate fields, unless the first line
/// has none and has semicolons or tabs. Double-quoted fields may contain the separator.
///
/// Any problem throws a `DataError` naming the file and line, and nothing is returned: the file
/// is loaded whole or not at all.
///
/// ```swift
/// let mine = try CSVImport.load(URL(fileURLWithPath: "flowers.csv"), label: "species")
/// ```
public enum CSVImport {
    /// Which column holds the labels.
    public enum LabelColumn: Equatable, Sendable, ExpressibleByStringLiteral {
        /// The column with this header (needs a header line).
        case named(String)
        /// The column at this position, counting from 0.
        case index(Int)
        /// The last column.
        case last

        public init(stringLiteral name: String) { self = .named(name) }
    }

    public static func load(_ url: URL, label: LabelColumn = "label") throws -> Dataset {
        let name = url.deletingPathExtension().lastPathComponent
        return try parse(TextFile.lines(of: url), file: url.path, label: label, name: name)
    }

    /// Parses already-read lines (`lines[i]` is line i + 1).
    package static func parse(_ lines: [String], file: String, label: LabelColumn, name: String) throws -> Dataset {
        let rows = lines.enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) }
        guard let first = rows.first else { throw DataError(.empty, file: file, "the file is empty") }
        let separator: Character = first.element.contains(",") ? ","
            : first.element.contains(";") ? ";" : first.element.contains("\t") ? "\t" : ","
        func fields(_ row: (offset: Int, element: String)) throws -> [String] {
            guard let fields = split(row.element, by: separator) else {
                throw DataError(.corrupt, file: file, line: row.offset + 1, "a quoted field is not closed")
            }
            return fields
        }

        let firstFields = try fields(first)
        let width = firstFields.count
        // A header is a first line with a non-number where a feature would be (the label
        // column may hold names either way); naming the label column implies a header.
        let labelPosition: Int? = switch label {
        case .named: nil
        case .index(let i): i
        case .last: width - 1
        }
        let hasHeader = firstFields.indices.contains { $0 != labelPosition && number(firstFields[$0]) == nil }
        let header = hasHeader ? firstFields : nil
        let labelIndex: Int
        switch label {
        case .named(let wanted):
            guard let header else {
                throw DataError(.missingLabel, file: file, line: first.offset + 1,
                                "no header line, so no column named \"\(wanted)\"; add a header, or choose the label column by position")
            }
            guard let i = header.firstIndex(of: wanted) else {
                let columns = header.map { "\"\($0)\"" }.joined(separator: ", ")
                throw DataError(.missingLabel, file: file, line: first.offset + 1,
                                "no column named \"\(wanted)\" (the columns are \(columns))")
            }
            labelIndex = i
        case .index(let i):
            guard i >= 0 && i < width else {
                throw DataError(.missingLabel, file: file, line: first.offset + 1,
                                "no column \(i): the rows have \(width) columns, numbered 0 to \(width - 1)")
            }
            labelIndex = i
        case .last:
            labelIndex = width - 1
        }
        guard width >= 2 else {
            throw DataError(.missingLabel, file: file, line: first.offset + 1,
                            "only one column: a CSV needs feature columns and a label column")
        }
        func columnName(_ i: Int) -> String { header.map { "\"\($0[i])\"" } ?? "\(i)" }

        let dataRows = hasHeader ? rows.dropFirst() : rows[...]
        guard !dataRows.isEmpty else { throw DataError(.empty, file: file, "has a header but no data rows") }
        var values: [Float] = []
        var labelTexts: [String] = []
        values.reserveCapacity(dataRows.count * (width - 1))
        for row in dataRows {
            let line = row.offset + 1
            let parts = try fields(row)
            guard parts.count == width else {
                throw DataError(.ragged, file: file, line: line,
                                "\(parts.count) fields, but \(hasHeader ? "the header" : "the first line") has \(width)")
            }
            for (i, field) in parts.enumerated() {
                if i == labelIndex {
                    let text = field.trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else {
                        throw DataError(.missingLabel, file: file, line: line, "the label (column \(columnName(i))) is empty")
                    }
                    labelTexts.append(text)
                } else {
                    guard let value = number(field) else {
                        let shown = field.count > 20 ? String(field.prefix(20)) + "…" : field
                        throw DataError(.notNumeric, file: file, line: line,
                                        "column \(columnName(i)): \"\(shown)\" is not a number")
                    }
                    values.append(value)
                }
            }
        }

        let classNames = sortedClasses(Set(labelTexts))
        let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
        return Dataset(name: name, features: Tensor(values, shape: [labelTexts.count, width - 1]),
                       labels: labelTexts.map { classIndex[$0]! }, classNames: classNames, kind: .vector)
    }

    /// A finite number, allowing spaces around it; `nil` for anything else ("", "abc", "nan").
    static func number(_ field: String) -> Float? {
        guard let value = Double(field.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return Float(value)
    }

    /// Class names in a natural order: numerically if all are integers ("2" before "10").
    static func sortedClasses(_ names: Set<String>) -> [String] {
        if names.allSatisfy({ Int($0) != nil }) { return names.sorted { Int($0)! < Int($1)! } }
        return names.sorted()
    }

    /// Splits one line into fields; a field in double quotes may hold the separator, and `""`
    /// inside it is a quote. `nil` if a quote is left open (fields spanning lines are not read).
    static func split(_ line: String, by separator: Character) -> [String]? {
        var fields: [String] = [], field = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    // A quote ends the quoted part, unless it is the first of a doubled quote.
                    var lookahead = characters
                    if lookahead.next() == "\"" { field.append("\""); characters = lookahead } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                fields.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        guard !quoted else { return nil }
        fields.append(field)
        return fields
    }
}
