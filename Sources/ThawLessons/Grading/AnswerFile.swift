import Foundation
import ThawData
import ThawLang

/// Reading a student's answer file without trusting it: `thaw grade` runs on folders from
/// strangers, so an answer may be a symlink to `/etc/shadow`, a FIFO, 100 MB of text or
/// garbage bytes. Each of those is refused with a reason the student can read.
extension AnswerStore {
    /// The largest answer read. Answers are a few commands; this is hundreds of lines.
    public static let sizeLimit = 64 << 10

    public enum Reading: Sendable, Equatable {
        case missing
        case text(String)
        /// The file is there but is not graded; the reason is for the student.
        case refused(String)
    }

    /// The answer to an exercise, read with the checks above. Neither the lesson folder nor the
    /// file may be a symlink.
    public func read(lesson: String, exercise: String) -> Reading {
        let url = file(lesson: lesson, exercise: exercise)
        let name = "\(lesson)/\(exercise).thaw"
        switch FileKind.of(url.deletingLastPathComponent().path) {
        case nil: return .missing
        case .directory?: break
        case let kind?: return .refused("\(lesson) is \(kind), not a folder; answers are not read through it")
        }
        switch FileKind.of(url.path) {
        case nil: return .missing
        case .regular?: break
        case let kind?: return .refused("\(name) is \(kind), not a regular file; it is not read")
        }
        let bytes: [UInt8]
        do { bytes = try SafeRead.bytes(of: url.path, limit: Self.sizeLimit) } catch {
            return .refused(error.kind == .tooLarge
                ? "\(name) is larger than the \(Self.sizeLimit >> 10) KB an answer may be"
                : "\(name) cannot be read: \(error.reason)")
        }
        if bytes.contains(0) { return .refused("\(name) contains a zero byte: it is not a text file of commands") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .refused("\(name) is not UTF-8 text; save it as UTF-8")
        }
        return .text(text)
    }

    /// Answer files in the folder for exercises that none of `lessons` has, as
    /// `LESSON/NAME.thaw` (a typo in a name would otherwise score 0 without a word).
    public func strayAnswers(for lessons: [Lesson]) -> [String] {
        let fm = FileManager.default
        var stray: [String] = []
        guard let folders = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        for lessonFolder in folders.sorted() {
            let lessonPath = folder.appendingPathComponent(lessonFolder).path
            guard FileKind.of(lessonPath) == .directory,
                  let files = try? fm.contentsOfDirectory(atPath: lessonPath) else { continue }
            let lesson = lessons.first { $0.id == lessonFolder }
            for file in files.sorted() where file.hasSuffix(".thaw") {
                let id = String(file.dropLast(".thaw".count))
                // Names come from a stranger's folder: shown, never obeyed, by a terminal.
                if lesson?.exercise(id) == nil { stray.append(ControlCharacters.visible("\(lessonFolder)/\(file)")) }
            }
        }
        return stray
    }
}
