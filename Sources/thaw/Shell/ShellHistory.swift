import CEditLine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The learner's command history, kept in their home across sessions.
///
/// Lives in `$THAW_HOME/history` when `THAW_HOME` is set (tests point it at a temporary
/// directory), otherwise in `~/.thaw_history`. The file is libedit's own format, read with
/// `read_history` and written with `write_history`. It is written after every line as well as
/// on exit, so a closed terminal or a crash loses nothing.
final class ShellHistory {
    /// Entries kept; older ones are dropped when the file is written.
    static let limit: Int32 = 1000

    let path: String?
    private var lastEntry: String?
    private var warnedAboutWriting = false

    init(path: String?) {
        self.path = path
    }

    /// Where history lives for this environment, or nil when there is no home to keep it in.
    static func defaultPath(environment: (String) -> String? = ShellStyle.environment) -> String? {
        if let thawHome = environment("THAW_HOME"), !thawHome.isEmpty {
            return thawHome + "/history"
        }
        if let home = environment("HOME"), !home.isEmpty {
            return home + "/.thaw_history"
        }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            return String(cString: directory) + "/.thaw_history"
        }
        return nil
    }

    /// Loads earlier sessions' entries into libedit (after `LineEditor` has prepared it).
    func load() {
        stifle_history(Self.limit)
        guard let path else { return }
        _ = read_history(path)  // a missing file is simply a first session
    }

    /// Creates every missing folder on the way to `path` (`mkdir -p`): `THAW_HOME` may name
    /// a folder whose parent does not exist yet either.
    private func makeFolders(for path: String) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try? FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }

    /// Records a line the learner entered: not blank lines, not a repeat of the last entry.
    func record(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastEntry else { return }
        lastEntry = line
        _ = add_history(line)
        save()
    }

    /// Writes the file, creating `THAW_HOME` if needed; warns once if it cannot.
    func save() {
        guard let path else { return }
        makeFolders(for: path)
        if write_history(path) != 0, !warnedAboutWriting {
            warnedAboutWriting = true
            TerminalOutput.error("thaw: cannot write history to \(path)\n")
        }
    }
}
