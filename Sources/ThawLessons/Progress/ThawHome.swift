import Foundation

/// Where Thaw keeps a learner's things: `$THAW_HOME`, or `~/.thaw`.
///
/// Holds `progress.json` and `answers/LESSON-ID/EXERCISE-ID.thaw`. Everything that writes
/// there takes the folder as a parameter too, so tests point it at a temporary directory.
public enum ThawHome {
    public static let environmentVariable = "THAW_HOME"

    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".thaw", isDirectory: true)
    }

    /// `answers/` in a home folder: the default folder of `thaw check`.
    public static func answers(in home: URL = url) -> URL {
        home.appendingPathComponent("answers", isDirectory: true)
    }
}
