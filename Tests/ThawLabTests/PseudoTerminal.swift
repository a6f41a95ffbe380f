// A pseudo-terminal that runs a program the way a learner's terminal would, for the shell's
// interactive tests: it types keys (Tab, Ctrl-C, arrows…) and reads back what the program
// drew. Only Glibc is used, so the tests need nothing the project's setup does not install.
#if canImport(Glibc)
import Glibc

struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
}

/// A child process whose stdin, stdout and stderr are the slave side of a fresh pty, in its
/// own session with the pty as controlling terminal (so Ctrl-C becomes SIGINT, as for real).
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Every byte the program wrote, in order (the terminal's raw output, escapes included).
    private(set) var output: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var cursor = 0
    private var exitStatus: Int32?
    /// True once every slave descriptor is closed (the program exited): nothing more comes.
    private(set) var closed = false

    /// Starts `executable` with exactly `environment` (nothing inherited), on a pty of the
    /// given size.
    init(executable: String, arguments: [String] = [], environment: [String: String],
         columns: UInt16 = 100, rows: UInt16 = 30) throws {
        // /dev/ptmx directly: posix_openpt, grantpt, unlockpt and ptsname are hidden from
        // Swift's Glibc module (they need _XOPEN_SOURCE), and on Linux they only do this.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else {
            throw PseudoTerminalError(description: "cannot open /dev/ptmx (errno \(errno))")
        }
        // TIOCSPTLCK and TIOCGPTN are _IOW/_IOR macros Swift cannot import; these are their
        // values with Linux's generic ioctl encoding (x86_64, arm64).
        let unlockRequest: UInt = 0x4004_5431, numberRequest: UInt = 0x8004_5430
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, unlockRequest, &unlock) == 0, ioctl(master, numberRequest, &number) == 0 else {
            close(master)
            throw PseudoTerminalError(description: "cannot unlock the pseudo-terminal (errno \(errno))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), without O_NOCTTY: the slave becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A test runner may block or ignore SIGINT; the child must start with defaults.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        sigaddset(&defaults, SIGTSTP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26, a GNU extension)
        posix_spawnattr_setflags(&attributes,
                                 Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw PseudoTerminalError(description: "cannot start \(executable) (error \(spawned))")
        }
        self.pid = pid
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Sends keys as the learner would type them.
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Waits until `text` appears in the output after the previous match; returns the output
    /// from the previous match to the end of this one.
    @discardableResult
    func expect(_ text: String, timeout: Double = 5) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Self.now() + timeout
        while true {
            if let range = Self.find(needle, in: output, from: cursor) {
                let seen = String(decoding: output[cursor..<range.upperBound], as: UTF8.self)
                cursor = range.upperBound
                return seen
            }
            let remaining = deadline - Self.now()
            guard remaining > 0, read(for: remaining) else {
                let why = closed ? "the program exited" : "timed out after \(timeout) s"
                throw PseudoTerminalError(description:
                    "\(why) while waiting for \(text.debugDescription); the terminal shows \(unread.debugDescription)")
            }
        }
    }

    /// Reads whatever arrives within `seconds` (to check that something did not happen).
    func settle(for seconds: Double) {
        let deadline = Self.now() + seconds
        while Self.now() < deadline, read(for: deadline - Self.now()) {}
    }

    /// The output not yet consumed by `expect`.
    var unread: String { String(decoding: output[cursor...], as: UTF8.self) }
    /// All the output so far.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Whether the line discipline is in canonical ("cooked") mode: false while libedit
    /// edits a line (raw), true while a command runs. The master reads the slave's settings.
    var isCooked: Bool {
        var settings = termios()
        guard tcgetattr(master, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Waits for the terminal to reach the given mode.
    func waitUntil(cooked: Bool, timeout: Double = 5) throws {
        let deadline = Self.now() + timeout
        while isCooked != cooked {
            guard Self.now() < deadline else {
                throw PseudoTerminalError(description: "terminal never became \(cooked ? "cooked" : "raw"); shows \(unread.debugDescription)")
            }
            settle(for: 0.005)
        }
    }

    /// Waits for the program to exit and returns its exit status (128 + n if killed by signal n).
    func waitForExit(timeout: Double = 5) throws -> Int32 {
        let deadline = Self.now() + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                let signal = status & 0x7f
                exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                break
            }
            guard Self.now() < deadline else {
                throw PseudoTerminalError(description: "still running after \(timeout) s; shows \(unread.debugDescription)")
            }
            settle(for: 0.01)
        }
        settle(for: 0)  // collect what it wrote last
        return exitStatus!
    }

    /// Reads once, waiting at most `seconds`; false when nothing can arrive any more.
    private func read(for seconds: Double) -> Bool {
        if closed { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, min(seconds, 1)) * 1000))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress!, $0.count) }
        if count > 0 {
            output.append(contentsOf: buffer[0..<count])
            return true
        }
        if count < 0 && errno == EINTR { return true }
        closed = true  // EIO (or end of file): every slave descriptor is closed
        return false
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle {
            return index..<index + needle.count
        }
        return nil
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
#endif
