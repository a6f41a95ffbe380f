import Foundation
import Testing
import ThawData
#if canImport(Glibc)
import Glibc
#endif

/// Writing never replaces what is not a regular file, never follows a symlink, leaves no
/// temporary files and says what went wrong in words; reading refuses devices and FIFOs.
@Suite struct SafeFileTests {
    final class Folder {
        let path: String
        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-safe-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func url(_ name: String) -> URL { URL(fileURLWithPath: path + "/" + name) }
        var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
    }

    func refusal(_ target: URL) -> String? {
        do {
            try SafeWrite.write("new contents", to: target)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aDeviceNodeIsNotReplaced() throws {
        let folder = Folder()
        let device = folder.url("null")
        // /dev/null's numbers (1, 3): what `save net "/dev/null"` once replaced, run as root.
        guard mknod(device.path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
            print("skipped: mknod is not permitted here (\(String(cString: strerror(errno))))")
            return
        }
        let message = refusal(device)
        #expect(message?.contains("character device") == true, "\(message ?? "written")")
        #expect(FileKind.of(device.path) == .characterDevice)
        #expect(folder.entries == ["null"], "no temporary file is left")
    }

    @Test func aFIFOIsNotReplaced() throws {
        let folder = Folder()
        let fifo = folder.url("pipe")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let message = refusal(fifo)
        #expect(message?.contains("FIFO") == true, "\(message ?? "written")")
        #expect(FileKind.of(fifo.path) == .fifo)
        // Reading one must not wait for a writer, nor read forever.
        #expect(throws: FileReadError.self) { try SafeRead.bytes(of: fifo.path, limit: 1 << 20) }
    }

    @Test func aSymlinkIsNeitherFollowedNorReplaced() throws {
        let folder = Folder()
        let real = folder.url("real.txt")
        try Data("keep me".utf8).write(to: real)
        let link = folder.url("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let message = refusal(link)
        #expect(message?.contains("symlink") == true, "\(message ?? "written")")
        #expect(try String(contentsOf: real, encoding: .utf8) == "keep me")
        #expect(FileKind.of(link.path) == .symlink)
    }

    @Test func aRegularFileIsReplacedWhole() throws {
        let folder = Folder()
        let file = folder.url("sub/dir/a.txt")
        try SafeWrite.write("one", to: file)
        try SafeWrite.write("two", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "two")
        #expect(Folder.entries(of: folder.path + "/sub/dir") == ["a.txt"])
    }

    @Test func temporaryFilesOfDeadProcessesAreRemoved() throws {
        let folder = Folder()
        // What a kill in the middle of a save leaves: a process id that no longer runs.
        var dead: pid_t = 999_999
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        try Data(count: 100).write(to: folder.url(".net.safetensors.tmp-\(dead)"))
        try SafeWrite.write("weights", to: folder.url("net.safetensors"))
        #expect(folder.entries == ["net.safetensors"])
    }

    @Test func failuresAreInWordsWithThePath() throws {
        let folder = Folder()
        try Data("a file".utf8).write(to: folder.url("plain"))
        let message = refusal(folder.url("plain/inside.txt")) ?? ""
        #expect(message.contains(folder.url("plain/inside.txt").path), "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("Code="), "\(message)")
        #expect(folder.entries == ["plain"])
    }

    @Test func readingADeviceIsRefusedAtOnce() {
        #expect(throws: FileReadError.self) { try SafeRead.bytes(of: "/dev/zero", limit: 1 << 20) }
    }
}

extension SafeFileTests.Folder {
    static func entries(of path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
    }
}
