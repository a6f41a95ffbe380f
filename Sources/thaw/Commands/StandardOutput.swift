import CEditLine
import Foundation
import ThawData
#if canImport(Glibc)
import Glibc
#endif

/// Output that is lost is a failure: `thaw run x > /dev/full`, `thaw grade DIR >&-` and a
/// closed pipe must not exit 0 as if the transcript or the report had been written.
enum StandardOutput {
    /// Set when stdout was closed at start, to say so rather than "the disk is full".
    nonisolated(unsafe) static var wasClosed = false

    /// Writes all of `text` to file descriptor 1; false when any of it could not be written.
    static func write(_ text: String) -> Bool {
        guard thaw_finish_stdout() == 0 else { return false }  // earlier `print`s first
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Run first in `main`. A standard descriptor that was closed (`thaw run x >&-`) gets a
    /// stand-in, so that no file Thaw opens later takes its number (a checkpoint would
    /// receive the transcript): stdout gets `/dev/full`, where every write fails and is
    /// reported; stdin and stderr get `/dev/null`. At exit, stdout must have been written
    /// without error, or the status becomes 1 with a message on stderr.
    static func guardStandardDescriptors() {
        for fd: Int32 in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            if fd == STDOUT_FILENO { wasClosed = true }
            let stand = fd == STDOUT_FILENO ? "/dev/full" : "/dev/null"
            var opened = open(stand, fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened < 0 { opened = open("/dev/null", O_RDWR) }
            if opened >= 0, opened != fd { dup2(opened, fd); close(opened) }
        }
        atexit {
            let code = thaw_finish_stdout()
            guard code != 0 else { return }
            let why = StandardOutput.wasClosed ? "it is closed" : SafeWrite.describe(code)
            let message = "thaw: the output could not be written to standard output: \(why)\n"
            _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
            _exit(1)
        }
    }
}
