import Foundation

/// Runs small Python checks in tests (reading Thaw's files with the ecosystem's own readers).
public enum PythonCheck {
    /// True when `python3` can import `module`.
    public static func has(_ module: String) -> Bool {
        (try? run("import \(module)")) != nil
    }

    /// A Python with PyTorch and PEFT, for the checks against the real thing: `$THAW_TORCH_PYTHON`
    /// (e.g. `~/torchref/bin/python`; docs/toolkit.md says how to make one), when it can import
    /// torch, peft and safetensors. Such packages stay outside the project, so this is often nil.
    public static let torchPython: String? = {
        guard let python = ProcessInfo.processInfo.environment["THAW_TORCH_PYTHON"], !python.isEmpty,
              (try? run("import torch, peft, safetensors", python: python)) != nil else { return nil }
        return python
    }()

    /// Runs a Python script and returns its standard output; throws with stderr if it fails.
    /// `python` is an interpreter's path (default: `python3` on the PATH).
    @discardableResult
    public static func run(_ script: String, python: String? = nil) throws -> String {
        let process = Process()
        if let python {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", script]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script]
        }
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
