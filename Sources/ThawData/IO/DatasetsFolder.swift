import Foundation

/// Finds the `datasets/` folder that ships with Thaw.
///
/// Looked for, in order: the folder a caller passes; `$THAW_DATASETS`; `datasets/` in the
/// current directory (running from the repository root); `share/thaw/datasets/` beside an
/// installed binary (`make install`); and `datasets/` next to this source file's package
/// (tests and `swift run`, whatever the current directory is).
public enum DatasetsFolder {
    /// The environment variable that points Thaw at another datasets folder.
    public static let environmentVariable = "THAW_DATASETS"

    /// The folder to read shipped datasets from, or a `DataError` listing where it looked.
    public static func locate(_ explicit: URL? = nil) throws -> URL {
        let candidates = self.candidates(explicit)
        for url in candidates where isDatasetsFolder(url) { return url }
        if let explicit {
            throw DataError(.notFound, file: explicit.path, "is not a datasets folder (no digits.csv.gz in it)")
        }
        let tried = candidates.map(\.path).joined(separator: ", ")
        throw DataError(.notFound, file: "datasets",
                        "no datasets folder found (looked in \(tried)); set \(environmentVariable) to its path")
    }

    static func candidates(_ explicit: URL?) -> [URL] {
        if let explicit { return [explicit] }
        var urls: [URL] = []
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            urls.append(URL(fileURLWithPath: path, isDirectory: true))
        }
        urls.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent("datasets", isDirectory: true))
        if let installed = InstalledShare.folder("datasets") { urls.append(installed) }
        // This file is <package>/Sources/ThawData/IO/DatasetsFolder.swift.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        urls.append(package.appendingPathComponent("datasets", isDirectory: true))
        return urls
    }

    static func isDatasetsFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("digits.csv.gz").path)
    }

    /// A shipped file's URL inside the datasets folder.
    static func file(_ name: String, in explicit: URL?) throws -> URL {
        try locate(explicit).appendingPathComponent(name)
    }
}
