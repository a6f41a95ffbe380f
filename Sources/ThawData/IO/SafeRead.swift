import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file, refusing what is not a regular file and what is larger than a cap.
///
/// Why: `Data(contentsOf:)` and `FileManager.contents(atPath:)` read whatever the path names.
/// `load "/dev/zero"` never ends and eats the memory, a FIFO blocks forever, and a file of
/// gigabytes is read whole before anything can object. The file is opened first and then
/// checked with `fstat`, so what is checked is what is read.
public enum SafeRead {
    /// The bytes of the regular file at `path` (symlinks are followed: the policy for them is
    /// the session's `FileAccessPolicy`), at most `limit` bytes.
    public static func bytes(of path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw FileReadError(path: path, reason: code == ENOENT ? "no such file" : SafeWrite.describe(code), kind: code == ENOENT ? .notFound : .unreadable)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, reason: SafeWrite.describe(errno), kind: .unreadable) }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            throw FileReadError(path: path, reason: "it is \(kind?.description ?? "a special file"), not a regular file", kind: .unreadable)
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw FileReadError(path: path, reason: "it is \(size >> 20) MB, more than the \(limit >> 20) MB Thaw reads", kind: .tooLarge)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, size - offset) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileReadError(path: path, reason: SafeWrite.describe(errno), kind: .unreadable)
            }
            if n == 0 { break }  // the file shrank while it was read
            offset += n
        }
        return Array(bytes.prefix(offset))
    }
}

/// A file that could not be read, with the path and the reason in words.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case notFound, unreadable, tooLarge }
    public let path: String
    public let reason: String
    public let kind: Kind
    public var description: String { "cannot read \(path): \(reason)" }
}
