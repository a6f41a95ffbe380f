#if canImport(Glibc)
import Glibc
#endif

/// The budgets of one graded exercise, and where each default is decided.
///
/// The lessons replay in under 10 s each on a 2-core machine (docs/performance.md) and an
/// exercise replays its lesson up to itself, so a minute of CPU leaves ample room for a slow
/// grading machine; a few GB of memory is far more than any lesson's models take. What
/// runs out is reported as that exercise's failure.
struct SandboxLimits: Sendable, Equatable {
    static let defaultCPUSeconds = 60
    static let defaultMemoryMB = 4096
    /// The largest file an answer may write (`save`, `export`), so it cannot fill the disk.
    static let fileSizeMB = 256

    var cpuSeconds = defaultCPUSeconds
    var memoryMB = defaultMemoryMB

    /// Wall-clock time before the grader kills the child: CPU time stops counting while a
    /// child waits (on a pipe, on a busy machine), so this catches what RLIMIT_CPU cannot.
    var wallSeconds: Double { Double(cpuSeconds) * 2 + 10 }

    /// Applies the budgets to this process (the child, before it runs anything a student
    /// wrote). Soft CPU limit → SIGXCPU; the hard limit a second later → SIGKILL. Memory is
    /// the address space, so an allocation beyond it fails (and Swift stops on it). Files
    /// larger than the cap fail with EFBIG instead of killing the process (SIGXFSZ ignored).
    func apply() {
        func set(_ resource: Int32, soft: rlim_t, hard: rlim_t) {
            var limit = rlimit(rlim_cur: soft, rlim_max: hard)
            _ = setrlimit(__rlimit_resource_t(UInt32(resource)), &limit)
        }
        set(Int32(RLIMIT_CPU.rawValue), soft: rlim_t(cpuSeconds), hard: rlim_t(cpuSeconds + 1))
        let bytes = rlim_t(memoryMB) << 20
        set(Int32(RLIMIT_AS.rawValue), soft: bytes, hard: bytes)
        let fileBytes = rlim_t(Self.fileSizeMB) << 20
        set(Int32(RLIMIT_FSIZE.rawValue), soft: fileBytes, hard: fileBytes)
        set(Int32(RLIMIT_CORE.rawValue), soft: 0, hard: 0)
        signal(SIGXFSZ, SIG_IGN)
    }
}
