import ThawLang

/// The info string of a `thaw` fence, read: its kind and attributes.
///
///     thaw                          → .commands
///     thaw exercise id=freeze-head  → .exercise, id "freeze-head"
///     thaw hint id=x when=frozen(net.head) and trainable(net) < 1000
///
/// `when=` takes the rest of the info string (conditions hold spaces), so it comes last;
/// surrounding double quotes are removed. Other values are single words.
struct BlockInfo: Equatable {
    enum Kind: String, CaseIterable {
        case commands = "", predict, reveal, exercise, solution, wrong, check, hint

        /// As written after the backticks: `thaw`, `thaw exercise`.
        var fenceName: String { self == .commands ? "thaw" : "thaw \(rawValue)" }
    }

    var kind: Kind
    var id: String?
    var when: String?

    /// Reads `info` (which starts with `thaw`); throws a message for the problem list.
    init(_ info: String) throws(BlockInfoError) {
        var rest = Substring(info.trimmingBlanks).dropFirst("thaw".count).drop(while: \.isBlank)
        var kindWord = ""
        if let first = rest.split(whereSeparator: \.isBlank).first, !first.contains("=") {
            kindWord = String(first)
            rest = rest.dropFirst(first.count).drop(while: \.isBlank)
        }
        guard let kind = Kind(rawValue: kindWord) else {
            let kinds = Kind.allCases.map(\.rawValue).filter { !$0.isEmpty }
            var message = "unknown block kind `thaw \(kindWord)`: a block is `thaw` or `thaw` followed by one of \(kinds.map { "`\($0)`" }.joined(separator: ", "))"
            if let close = Suggest.closest(to: kindWord, among: kinds) { message += " — did you mean `thaw \(close)`?" }
            throw BlockInfoError(message)
        }
        self.kind = kind
        while !rest.isEmpty {
            let word = rest.prefix { !$0.isBlank }
            guard let eq = word.firstIndex(of: "=") else {
                throw BlockInfoError("`\(word)` in `\(info)` is not an attribute: write `key=value`, as in `id=\(word)`")
            }
            let key = String(word[..<eq])
            if key == "when" {
                var condition = rest[rest.index(after: rest.firstIndex(of: "=")!)...].trimmingBlanks
                if condition.count >= 2, condition.first == "\"", condition.last == "\"" {
                    condition = String(condition.dropFirst().dropLast())
                }
                guard kind == .hint else { throw BlockInfoError("only a `thaw hint` block takes `when=`") }
                guard !condition.isEmpty else { throw BlockInfoError("`when=` needs a condition, such as `when=frozen(net.head)`") }
                when = condition
                break
            }
            let value = String(word[word.index(after: eq)...])
            rest = rest.dropFirst(word.count).drop(while: \.isBlank)
            guard key == "id" else {
                let allowed = kind == .hint ? "`id=` and `when=`" : kind == .commands ? "no attributes" : "only `id=`"
                throw BlockInfoError("unknown attribute `\(key)` in `\(info)`: `\(kind.fenceName)` takes \(allowed)")
            }
            guard kind != .commands else { throw BlockInfoError("a plain `thaw` block takes no `id=`; did you mean `thaw exercise id=\(value)`?") }
            guard id == nil else { throw BlockInfoError("`id=` is given twice in `\(info)`") }
            guard Self.isValidID(value) else {
                throw BlockInfoError("`\(value)` is not a usable id: use letters, digits, `-` and `_` (it names answer files)")
            }
            id = value
        }
        if kind != .commands, id == nil {
            throw BlockInfoError("a `thaw \(kind.rawValue)` block needs an id: `thaw \(kind.rawValue) id=NAME`")
        }
    }

    /// Letters, digits, `-` and `_`, starting with a letter or digit: safe as a file name.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

struct BlockInfoError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
