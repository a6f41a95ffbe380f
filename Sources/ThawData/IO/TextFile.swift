import Foundation

/// Reading a file's bytes and lines, with the checks every loader needs: the file exists, it
/// decompresses if gzipped, and it is UTF-8 text. Failures are `DataError`s naming the file.
enum TextFile {
    /// The file's bytes, decompressed if they are gzip (by content, not by name).
    static func bytes(of url: URL) throws -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.notFound, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw DataError(.unreadable, file: path, "is a folder, not a file") }
        let raw: [UInt8]
        // The same cap as what a gzip file may inflate to: one limit for how much text Thaw takes.
        do { raw = try SafeRead.bytes(of: path, limit: Inflate.outputLimit) } catch {
            throw DataError(.unreadable, file: path, error.reason)
        }
        guard Inflate.isGzip(raw) else { return raw }
        do { return try Inflate.gunzip(raw) } catch let error as InflateError {
            throw DataError(.corrupt, file: path, "not a valid gzip file: \(error)")
        }
    }

    /// The file's lines without their terminators (`\n` or `\r\n`), so that `lines[i]` is line
    /// i + 1. A UTF-8 byte-order mark is dropped; any other encoding is refused with the line
    /// of the first byte that is not UTF-8.
    static func lines(of url: URL) throws -> [String] {
        try lines(try bytes(of: url), file: url.path)
    }

    static func lines(_ bytes: [UInt8], file: String) throws -> [String] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DataError(.encoding, file: file, line: 1, "the text is UTF-16; save it as UTF-8")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        var pieces = body.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }   // the newline that ends the file
        var lines: [String] = []
        lines.reserveCapacity(pieces.count)
        for piece in pieces {
            let slice = piece.last == 0x0D ? piece.dropLast() : piece
            if slice.contains(0) {
                throw DataError(.encoding, file: file, line: lines.count + 1,
                                "contains a zero byte: this looks like a binary file, not text")
            }
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw DataError(.encoding, file: file, line: lines.count + 1, notUTF8(slice))
            }
            lines.append(text)
        }
        return lines
    }

    /// Names the first byte that is not UTF-8; a lone byte ≥ 0x80 usually means Latin-1 or
    /// Windows-1252, which is worth saying.
    private static func notUTF8(_ line: ArraySlice<UInt8>) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = line.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        let bad = line[line.startIndex + min(offset, line.count - 1)]
        let hex = String(bad, radix: 16, uppercase: true)
        return "byte 0x\(hex) (byte \(offset + 1) of the line) is not UTF-8; "
            + "if the file is Latin-1 or Windows-1252 text, save it as UTF-8"
    }
}
