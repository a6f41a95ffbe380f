import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that a reader sees the old contents or the new, never half, and
/// so that nothing but a regular file is ever replaced.
///
/// Why not `Data.write(options: .atomic)`: a rename puts a plain file in place of whatever
/// was there, so run as root it replaced `/dev/null` with a checkpoint; it follows no rules
/// about symlinks; it leaves its temporary file behind when the disk fills; and its errors
/// are `NSCocoaErrorDomain` dumps. Here:
/// - the target is `lstat`ed first: a device, a FIFO, a socket, a folder or a symlink is
///   refused (a symlink is never followed, even to a regular file);
/// - the bytes go to `.NAME.tmp-PID` beside it, opened with `O_EXCL | O_NOFOLLOW`, then
///   renamed over it; every failure path removes that file;
/// - temporary files left by a process that no longer exists (killed mid-write) are removed
///   the next time something is written to the same folder.
public enum SafeWrite {
    /// Writes `bytes` to `url`, creating missing folders.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws(FileWriteError) {
        let path = url.path
        let folder = url.deletingLastPathComponent()
        try checkTarget(path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: "its folder \(folder.path) cannot be made (\(reason(error)))")
        }
        removeStaleTemporaries(in: folder.path, for: url.lastPathComponent)
        let temp = temporaryPath(for: url, pid: getpid())
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: describe(errno)) }
        var failure: Int32?
        let data = Array(bytes)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil {
            // The target may have changed since the check (another program): check again
            // right before the rename, which itself never follows a symlink at the target.
            do { try checkTarget(path) } catch {
                unlink(temp)
                throw error
            }
            if rename(temp, path) != 0 { failure = errno }
        }
        if let failure {
            unlink(temp)
            throw FileWriteError(path: path, reason: describe(failure))
        }
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to url: URL) throws(FileWriteError) {
        try write(Array(text.utf8), to: url)
    }

    /// Throws unless `path` is missing or a regular file (checked without following a symlink).
    public static func checkTarget(_ path: String) throws(FileWriteError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileWriteError(path: path, reason: describe(errno))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind != .regular else { return }
        throw FileWriteError(path: path, reason: "it is \(kind?.description ?? "a special file"), not a regular file; Thaw replaces only regular files")
    }

    /// `.NAME.tmp-PID` beside the target.
    static func temporaryPath(for url: URL, pid: pid_t) -> String {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(pid)").path
    }

    /// Removes `.NAME.tmp-PID` files in `folder` whose process is gone: they are what a
    /// kill in the middle of a write leaves, and nothing else would ever remove them.
    static func removeStaleTemporaries(in folder: String, for name: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = pid_t(entry.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + entry) }
        }
    }

    /// An errno in words a learner can act on.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EFBIG: "the file would be larger than allowed here"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOENT: "a folder on the way does not exist"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case ELOOP: "it is a symlink, which Thaw does not follow"
        case EEXIST: "a temporary file of the same name is in the way"
        case ENAMETOOLONG: "the name is too long"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// The words for a Foundation error: its POSIX code when it has one, not a dump.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return describe(Int32(ns.code)) }
        switch ns.code {
        case NSFileWriteOutOfSpaceError: return describe(ENOSPC)
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return describe(EACCES)
        case NSFileWriteVolumeReadOnlyError: return describe(EROFS)
        case NSFileWriteFileExistsError: return "a file is in the way"
        default: return "it could not be written"
        }
    }
}

/// A file that could not be written, with the path and the reason in words.
public struct FileWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write \(path): \(reason)" }
}

/// What a path names, from `lstat`: used to say what was refused.
public enum FileKind: Equatable, Sendable, CustomStringConvertible {
    case regular, directory, symlink, fifo, socket, characterDevice, blockDevice

    public init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: return nil
        }
    }

    /// What `path` is, without following a symlink; nil when it does not exist.
    public static func of(_ path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileKind(mode: info.st_mode)
    }

    public var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .symlink: "a symlink"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        }
    }
}
