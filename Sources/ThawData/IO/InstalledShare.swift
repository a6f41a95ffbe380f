import Foundation

/// Where `make install` puts what Thaw ships besides the binary: `PREFIX/share/thaw/` holds
/// `Lessons/` and `datasets/`, and the binary is `PREFIX/bin/thaw`. Found from the running
/// binary's own path, so an installed `thaw` needs no environment variable and no clone.
public enum InstalledShare {
    /// The running binary's own path (Linux: `/proc/self/exe`), or nil when it cannot be read.
    /// The one place for it: the grading sandbox re-runs this binary, the Jupyter kernelspec
    /// names it, and an installed thaw finds its share folder from it.
    public static var binaryPath: String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    /// `<folder of the binary>/../share/thaw/<name>`, or nil when the binary's path is unknown.
    public static func folder(_ name: String) -> URL? {
        guard let binary = binaryPath else { return nil }
        return URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/thaw", isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }
}
