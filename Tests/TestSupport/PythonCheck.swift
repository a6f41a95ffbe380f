import Foundation

/// Runs small Python checks in tests (reading Thaw's files with the ecosystem's own readers).
public enum PythonCheck {
    /// True when `python3` can import `module`.
    public static func has(_ module: String) -> Bool {
        (try? run("import \(module)")) != nil
    }

    /// Runs a Python script and returns its standard output; throws with stderr if it fails.
    @discardableResult
    public static func run(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct PythonError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "python3 failed: \(message)" }
    }
}
