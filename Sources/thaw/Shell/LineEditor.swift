import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// libedit's `readline()` with Thaw's completion hook, as a Swift value.
///
/// libedit is process-global state (one line buffer, one completion hook), so there is one
/// editor per process; completion reaches the backend through `CompletionBridge`.
final class LineEditor {
    /// What one call to `readLine` produced.
    enum Input: Equatable {
        /// A line, Enter pressed (without the newline).
        case line(String)
        /// Ctrl-C at the prompt: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    init(completions: @escaping (_ line: String, _ cursor: Int) -> [String]) {
        thaw_editline_prepare("thaw")
        CompletionBridge.source = completions
        thaw_set_completion(CompletionBridge.generate)
    }

    /// Shows `prompt`, lets the learner edit a line, and returns it.
    func readLine(prompt: String) -> Input {
        Interrupt.clear()
        Interrupt.handleWhileReadingInput()
        guard let raw = readline(prompt) else {
            // readline() returns NULL both at end of input and when the key reader saw
            // Ctrl-C (see CEditLine.c); the flag tells them apart.
            return Interrupt.requested ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        // A press that raced the read belonged to the line being typed, not to what runs next.
        Interrupt.clear()
        return .line(String(cString: raw))
    }
}

/// The C-callable completion generator, and the state it needs between calls.
///
/// readline calls the generator with state 0, 1, 2… until it returns NULL; a C function
/// pointer cannot capture context, so the candidates live in statics. Only the shell's
/// thread ever touches them, inside readline().
enum CompletionBridge {
    nonisolated(unsafe) static var source: ((String, Int) -> [String])?
    nonisolated(unsafe) private static var pending: [String] = []

    static let generate: thaw_completion_generator = { text, state in
        if state == 0 {
            let word = text.map { String(cString: $0) } ?? ""
            let line = String(cString: thaw_completion_line())
            let cursor = byteOffset(ofCharacter: Int(thaw_completion_cursor()), in: line)
            let candidates = source?(line, cursor) ?? []
            var seen = Set<String>()
            pending = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.reversed()
        }
        guard let next = pending.popLast() else { return nil }
        return strdup(next)
    }

    /// libedit counts the cursor in characters (wide chars: Unicode scalars); backends get
    /// a UTF-8 byte offset, which is what Swift's `String.utf8` views index by.
    static func byteOffset(ofCharacter characters: Int, in line: String) -> Int {
        var bytes = 0
        for (index, scalar) in line.unicodeScalars.enumerated() {
            if index >= characters { break }
            bytes += UTF8.width(scalar)
        }
        return bytes
    }
}
