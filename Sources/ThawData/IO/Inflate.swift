/// A small, complete reader for DEFLATE (RFC 1951) inside gzip (RFC 1952).
///
/// Why it exists: Thaw ships its datasets gzip-compressed and must read them offline, and
/// Foundation on Linux has no gzip. A teaching-quality inflate is shorter than a system-library
/// target and one more package to install on every machine.
///
/// How DEFLATE works, in brief: the stream is a sequence of blocks. Each block is either stored
/// (raw bytes) or Huffman-coded. A Huffman-coded block is a stream of symbols: 0–255 are literal
/// bytes, 256 ends the block, and 257–285 mean "copy `length` bytes from `distance` bytes back in
/// the output" (LZ77), with the length and distance refined by a few extra raw bits. "Fixed"
/// blocks use a Huffman code defined by the standard; "dynamic" blocks first send their own code
/// lengths, themselves Huffman-coded. gzip wraps one such stream with a header and a CRC-32.
package enum Inflate {
    /// The most bytes a file may inflate to. Thaw's data are small (the shipped digits inflate
    /// to under 1 MB), and DEFLATE can expand about 1000-fold, so a 200 KB "gzip bomb" would
    /// otherwise take gigabytes of memory before anything could object.
    package static let outputLimit = 64 << 20

    /// Decompresses a gzip file's bytes (one or more concatenated members), checking each
    /// member's CRC-32 and length, so a damaged file is reported rather than half-read.
    /// Stops with an error once the output would pass `limit` bytes.
    package static func gunzip(_ bytes: [UInt8], limit: Int = outputLimit) throws -> [UInt8] {
        var output: [UInt8] = []
        // The last four bytes are the (last member's) uncompressed size mod 2^32: a good hint,
        // capped so that a damaged size field cannot ask for gigabytes up front.
        if bytes.count >= 18 { output.reserveCapacity(min(Int(readLE32(bytes, bytes.count - 4)), 32 * bytes.count, limit)) }
        var start = 0
        repeat {
            let body = try skipGzipHeader(bytes, at: start)
            let memberStart = output.count
            let end = try inflate(bytes, from: body, into: &output, limit: limit)
            guard end + 8 <= bytes.count else { throw InflateError("truncated gzip trailer") }
            let crc = crc32(output[memberStart...])
            guard crc == readLE32(bytes, end) else { throw InflateError("CRC-32 mismatch: the data is damaged") }
            guard UInt32(truncatingIfNeeded: output.count - memberStart) == readLE32(bytes, end + 4) else {
                throw InflateError("length mismatch: the data is damaged")
            }
            start = end + 8
        } while start + 1 < bytes.count && bytes[start] == 0x1F && bytes[start + 1] == 0x8B
        // Some tools pad a gzip file with zero bytes; anything else after the data is damage.
        guard bytes[start...].allSatisfy({ $0 == 0 }) else { throw InflateError("unexpected bytes after the gzip data") }
        return output
    }

    /// Decompresses a raw DEFLATE stream.
    package static func inflate(_ bytes: [UInt8], limit: Int = outputLimit) throws -> [UInt8] {
        var output: [UInt8] = []
        _ = try inflate(bytes, from: 0, into: &output, limit: limit)
        return output
    }

    /// Whether the bytes start with the gzip magic number.
    package static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    // MARK: gzip framing

    /// Checks a gzip member header at `start` and returns where its DEFLATE data begins.
    static func skipGzipHeader(_ b: [UInt8], at start: Int) throws -> Int {
        guard b.count >= start + 18 else { throw InflateError("too short to be a gzip file") }
        guard b[start] == 0x1F, b[start + 1] == 0x8B else { throw InflateError("not a gzip file (wrong magic number)") }
        guard b[start + 2] == 8 else { throw InflateError("unknown gzip compression method \(b[start + 2])") }
        let flags = b[start + 3]
        guard flags & 0xE0 == 0 else { throw InflateError("reserved gzip header flags are set") }
        var p = start + 10                                  // magic, method, flags, mtime, xfl, os
        if flags & 0x04 != 0 {                              // FEXTRA: a length-prefixed field
            guard p + 2 <= b.count else { throw InflateError("truncated gzip header") }
            p += 2 + (Int(b[p]) | Int(b[p + 1]) << 8)
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            while p < b.count && b[p] != 0 { p += 1 }
            p += 1
        }
        if flags & 0x02 != 0 { p += 2 }                      // FHCRC: a header checksum we skip
        guard p < b.count else { throw InflateError("truncated gzip header") }
        return p
    }

    static func readLE32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    // MARK: DEFLATE blocks

    /// Inflates the stream starting at byte `start`, appending to `output`; returns the index of
    /// the first byte after the stream (blocks end on a bit, the stream on the next byte).
    static func inflate(_ bytes: [UInt8], from start: Int, into output: inout [UInt8], limit: Int) throws -> Int {
        var bits = BitReader(bytes, from: start)
        var isFinal = false
        while !isFinal {
            isFinal = try bits.read(1) == 1
            switch try bits.read(2) {
            case 0: try storedBlock(&bits, &output)
            case 1: try codedBlock(&bits, &output, literals: fixedLiterals, distances: fixedDistances, limit: limit)
            case 2:
                let (literals, distances) = try readDynamicCodes(&bits)
                try codedBlock(&bits, &output, literals: literals, distances: distances, limit: limit)
            default: throw InflateError("invalid block type 3")
            }
            // A stored block adds at most 64 KB, a coded one is checked as it goes.
            if output.count > limit { throw tooLarge(limit) }
        }
        return try bits.endOfStream()
    }

    /// A stored block: byte-align, then LEN, its one's complement NLEN, then LEN raw bytes.
    static func storedBlock(_ bits: inout BitReader, _ output: inout [UInt8]) throws {
        bits.alignToByte()
        let length = try bits.read(16)
        guard try bits.read(16) == length ^ 0xFFFF else { throw InflateError("stored block length check failed") }
        for _ in 0..<length { output.append(UInt8(try bits.read(8))) }
    }

    // Length symbols 257...285 and distance symbols 0...29: base value and extra bits (RFC 1951 3.2.5).
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                     3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                      257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                      8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                       7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Decodes symbols until end-of-block: literals are appended, length/distance pairs copy
    /// earlier output forward (byte by byte, because a copy may overlap its own output).
    static func codedBlock(_ bits: inout BitReader, _ output: inout [UInt8],
                           literals: HuffmanCode, distances: HuffmanCode, limit: Int) throws {
        while true {
            // One comparison per symbol: a back-reference adds at most 258 bytes.
            if output.count > limit { throw tooLarge(limit) }
            let symbol = try bits.decode(literals)
            if symbol < 256 { output.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let li = symbol - 257
            guard li < 29 else { throw InflateError("invalid length symbol \(symbol)") }
            let length = lengthBase[li] + (try bits.read(lengthExtra[li]))
            let di = try bits.decode(distances)
            guard di < 30 else { throw InflateError("invalid distance symbol \(di)") }
            let distance = distanceBase[di] + (try bits.read(distanceExtra[di]))
            guard distance <= output.count else { throw InflateError("distance \(distance) reaches before the start") }
            var from = output.count - distance
            for _ in 0..<length { output.append(output[from]); from += 1 }
        }
    }

    static func tooLarge(_ limit: Int) -> InflateError {
        InflateError("it inflates to more than \(limit >> 20) MB, more than Thaw reads (is it a compressed bomb?)")
    }

    /// The code-length alphabet's lengths arrive in this order (rarely used lengths last).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Reads a dynamic block's header: the literal/length and distance codes, sent as code
    /// lengths that are themselves Huffman-coded, with run-length symbols 16 (repeat previous),
    /// 17 and 18 (runs of zeros).
    static func readDynamicCodes(_ bits: inout BitReader) throws -> (HuffmanCode, HuffmanCode) {
        let literalCount = try bits.read(5) + 257
        let distanceCount = try bits.read(5) + 1
        let codeLengthCount = try bits.read(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw InflateError("too many codes in a dynamic block") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[i]] = UInt8(try bits.read(3)) }
        let codeLengthCode = try HuffmanCode(lengths: codeLengthLengths)

        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try bits.decode(codeLengthCode)
            var value: UInt8 = 0, repeats = 1
            switch symbol {
            case 0...15: value = UInt8(symbol)
            case 16:
                guard let previous = lengths.last else { throw InflateError("repeat code with nothing to repeat") }
                value = previous; repeats = 3 + (try bits.read(2))
            case 17: repeats = 3 + (try bits.read(3))
            default: repeats = 11 + (try bits.read(7))
            }
            guard lengths.count + repeats <= literalCount + distanceCount else { throw InflateError("code lengths overrun") }
            lengths += repeatElement(value, count: repeats)
        }
        guard lengths[256] != 0 else { throw InflateError("no end-of-block code") }
        return (try HuffmanCode(lengths: lengths[..<literalCount]),
                try HuffmanCode(lengths: lengths[literalCount...]))
    }

    // The fixed codes (RFC 1951 3.2.6). Built once; `static let` is lazy and thread-safe.
    static let fixedLiterals = try! HuffmanCode(lengths:
        [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
        + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8))
    static let fixedDistances = try! HuffmanCode(lengths: [UInt8](repeating: 5, count: 30))
}

/// What went wrong inside a compressed stream. File loaders wrap it in a `DataError`.
package struct InflateError: Error, CustomStringConvertible {
    package let description: String
    init(_ reason: String) { description = reason }
}
