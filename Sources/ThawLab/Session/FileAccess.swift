import Foundation
import ThawData
import ThawLang

/// Which files the commands of a session may read and write (`load "…"`, `save`, `export`).
///
/// In the shell and in `thaw run` a learner works with their own files: `.unrestricted`.
/// `thaw grade` runs strangers' answers, so it confines them to a scratch folder: a path
/// must be relative, stay inside the folder (no `..`), and pass through no symlink; what is
/// read must be a regular file, what is written must be missing or a regular file. A path
/// that breaks a rule is refused with a message that says which rule, as the student's error.
public enum FileAccessPolicy: Sendable, Equatable {
    case unrestricted
    /// Only inside this folder (an absolute path without symlinks, see `confined(to:)`).
    case confinedTo(String)
    /// Like `.unrestricted`, but relative names are under this folder rather than the working
    /// directory: a lesson replay's own folder, so that replays side by side (the test suite's
    /// seeds) never read each other's checkpoints.
    case relativeTo(String)

    /// Confinement to `folder`, resolved once (`/tmp` may itself be a symlink).
    public static func confined(to folder: URL) -> FileAccessPolicy {
        .confinedTo(folder.resolvingSymlinksInPath().standardizedFileURL.path)
    }

    public enum Access: Sendable {
        case read
        /// A file or a folder to read (`load "DIR" into`: a PEFT adapter folder).
        case readFileOrFolder
        case write
        /// A folder written into (`save … peft`).
        case writeFolder
    }

    /// The URL for `file` under this policy, or the reason it is refused.
    public func resolve(_ file: String, for access: Access) throws(FileAccessError) -> URL {
        if case let .relativeTo(folder) = self, !file.hasPrefix("/") {
            return URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(file)
        }
        guard case let .confinedTo(root) = self else { return URL(fileURLWithPath: file) }
        func refuse(_ why: String) -> FileAccessError { FileAccessError(file: file, reason: why) }
        guard !file.isEmpty else { throw refuse("the file name is empty") }
        guard !file.hasPrefix("/"), !file.hasPrefix("~") else {
            throw refuse("while grading, files must be named relative to the scratch folder, not from `/` or `~`")
        }
        let parts = file.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains("..") else { throw refuse("while grading, `..` may not leave the scratch folder") }
        var path = root
        for (index, part) in parts.enumerated() where part != "." {
            path += "/" + part
            let last = index == parts.count - 1
            guard let kind = FileKind.of(path) else {
                // Missing: fine for what will be written (folders are created), not for a read.
                if access == .read || access == .readFileOrFolder { throw refuse("there is no such file in the scratch folder") }
                return URL(fileURLWithPath: root + "/" + parts.joined(separator: "/"))
            }
            switch kind {
            case .symlink: throw refuse("`\(parts[...index].joined(separator: "/"))` is a symlink, which grading does not follow")
            case .directory where !last: continue
            case .directory where access == .writeFolder || access == .readFileOrFolder: continue
            case .regular where last && access != .writeFolder: continue
            default:
                throw refuse("`\(parts[...index].joined(separator: "/"))` is \(kind), which grading does not "
                             + (access == .read || access == .readFileOrFolder ? "read" : "write"))
            }
        }
        return URL(fileURLWithPath: path)
    }
}

/// A path a `FileAccessPolicy` refused.
public struct FileAccessError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let reason: String
    public var description: String { "cannot use \"\(file)\": \(reason)" }
}

extension Session {
    /// The URL of a file a command names, checked against `fileAccess`; a refusal is the
    /// learner's error, pointing at the file name.
    func file(_ name: String, for access: FileAccessPolicy.Access, at range: SourceRange?) throws -> URL {
        do { return try fileAccess.resolve(name, for: access) } catch {
            throw LabError(error.description, at: range)
        }
    }
}
