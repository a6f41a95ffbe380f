#if canImport(Glibc)
import Glibc
#endif

/// Writes text straight to a file descriptor.
///
/// The shell writes with write(2) rather than stdio: Swift 6 rejects the global `stdout`
/// FILE as shared mutable state, and an unbuffered write also keeps command output and
/// libedit's own (always flushed) screen updates in order.
enum TerminalOutput {
    static func write(_ text: String, to fileDescriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }  // a Ctrl-C during output must not lose it
                return
            }
            offset += written
        }
    }

    static func error(_ text: String) { write(text, to: STDERR_FILENO) }
}
