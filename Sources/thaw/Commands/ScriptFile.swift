import Foundation
import ThawData
import ThawLessons

/// Reads a script or lesson named on the command line, and says why when it cannot:
/// missing, a folder, not a regular file, too large, or not UTF-8 (with the line).
enum ScriptFile {
    /// A file named on the command line, or — when there is no such file here — a lesson
    /// named the way a learner would: its number, slug, id or file name, looked up in the
    /// lessons folder (`thaw run 1`, `thaw run freezing`, and `thaw run Lessons/01-freezing.md`
    /// from any directory once thaw is installed).
    static func resolve(_ path: String) -> String {
        guard FileKind.of(path) == nil, let folder = LessonsFolder.locate() else { return path }
        let key = URL(fileURLWithPath: path).lastPathComponent
        guard let lesson = LessonCatalog(folder: folder).lesson(key) else { return path }
        return folder.appendingPathComponent(lesson.fileName).path
    }

    /// Far more than any lesson or script; a cap so that `thaw run /dev/zero` ends.
    static let sizeLimit = 16 << 20

    static func read(_ path: String) throws(ScriptFileError) -> String {
        if FileKind.of(path) == .directory { throw ScriptFileError("\(path) is a folder, not a file") }
        let bytes: [UInt8]
        do { bytes = try SafeRead.bytes(of: path, limit: sizeLimit) } catch { throw ScriptFileError(error.description) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Name the line of the first byte that is not UTF-8.
        var line = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { break }
            line += 1
            start = i + 1
        }
        throw ScriptFileError("cannot read \(path): line \(line) is not UTF-8 text; save the file as UTF-8")
    }
}

struct ScriptFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
