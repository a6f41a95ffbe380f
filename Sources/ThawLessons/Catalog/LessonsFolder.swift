import Foundation
import ThawData

/// Finds the `Lessons/` folder that ships with Thaw.
///
/// Looked for, in order: `$THAW_LESSONS`; `Lessons/` in the current directory (running from
/// the repository root); `share/thaw/Lessons/` beside an installed binary (`make install`);
/// and `Lessons/` next to this source file's package (tests and `swift run`, whatever the
/// current directory is). The same order as `DatasetsFolder`.
public enum LessonsFolder {
    /// The environment variable that points Thaw at another lessons folder.
    public static let environmentVariable = "THAW_LESSONS"

    /// The first candidate folder that exists, or nil.
    public static func locate() -> URL? {
        candidates().first { isDirectory($0) }
    }

    /// Where `locate` looks, in order.
    public static func candidates() -> [URL] {
        var urls: [URL] = []
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            urls.append(URL(fileURLWithPath: path, isDirectory: true))
        }
        urls.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent("Lessons", isDirectory: true))
        if let installed = InstalledShare.folder("Lessons") { urls.append(installed) }
        urls.append(packageLessons)
        return urls
    }

    /// `Lessons/` of the package this file was compiled from.
    /// This file is <package>/Sources/ThawLessons/Catalog/LessonsFolder.swift.
    public static var packageLessons: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lessons", isDirectory: true)
    }

    /// The lesson files in `folder` (`NN-slug.md`, or any `.md` but a README), sorted by name.
    public static func lessonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
