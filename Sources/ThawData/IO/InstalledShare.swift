import Foundation

/// Where `make install` puts what Thaw ships besides the binary: `PREFIX/share/thaw/` holds
/// `Lessons/` and `datasets/`, and the binary is `PREFIX/bin/thaw`. Found from the running
/// binary's own path, so an installed `thaw` needs no environment variable and no clone.
public enum InstalledShare {
    /// `<folder of the binary>/../share/thaw/<name>`, or nil when the binary's path is unknown.
    public static func folder(_ name: String) -> URL? {
        guard let binary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/thaw", isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }
}
