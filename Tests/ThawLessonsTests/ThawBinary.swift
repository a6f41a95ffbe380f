import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `thaw` binary the way a shell would, with stdout sent to a file, to a
/// device such as /dev/full, or closed, and stderr collected.
enum ThawBinary {
    enum Stdout { case file(String), closed }

    struct Run {
        var status: Int32
        var stderr: String
    }

    /// $THAW_BINARY, else the `thaw` next to this test bundle, else `.build/release|debug`.
    static func path() throws -> String {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["THAW_BINARY"] { return explicit }
        var candidates: [String] = []
        if let me = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((me as NSString).deletingLastPathComponent + "/thaw")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        candidates += [root + "/.build/release/thaw", root + "/.build/debug/thaw"]
        guard let found = candidates.first(where: fm.isExecutableFile(atPath:)) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "thaw binary (looked at \(candidates))"])
        }
        return found
    }

    /// Runs `thaw ARGS` (paths absolute) and waits for it; stderr is collected through `directory`.
    static func run(_ arguments: [String], stdout: Stdout, in directory: String,
                    environment extra: [String: String] = [:]) throws -> Run {
        let binary = try path()
        let errFile = directory + "/.stderr-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch stdout {
        case let .file(path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_NUM_THREADS"] = "1"
        for (k, v) in extra { env[k] = v }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let stderr = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        unlink(errFile)
        // WIFEXITED / WEXITSTATUS, spelled out (macros do not import).
        let exited = status & 0x7F == 0
        return Run(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), stderr: stderr)
    }
}
