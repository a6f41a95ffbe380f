import Foundation

/// Where Thaw keeps a learner's things: `$THAW_HOME`, or `~/.thaw`.
///
/// Holds `progress.json` and `answers/LESSON-ID/EXERCISE-ID.thaw`. Everything that writes
/// there takes the folder as a parameter too, so tests point it at a temporary directory.
public enum ThawHome {
    public static let environmentVariable = "THAW_HOME"

    public static var url: URL { url(environment: ProcessInfo.processInfo.environment) }

    /// `THAW_HOME`, else `$HOME/.thaw`, else `.thaw` in the account's home from the user
    /// database. `$HOME` comes first because it is what the learner (or a test, or a second
    /// learner sharing the account) set; Foundation's `homeDirectoryForCurrentUser` reads
    /// the user database on Linux and ignores it. Writers create the folder when needed.
    public static func url(environment: [String: String]) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".thaw", isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".thaw", isDirectory: true)
    }

    /// `answers/` in a home folder: the default folder of `thaw check`.
    public static func answers(in home: URL = url) -> URL {
        home.appendingPathComponent("answers", isDirectory: true)
    }
}
