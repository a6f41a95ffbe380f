/// The pieces `Inflate` is built from: a bit reader, a table-driven Huffman decoder, CRC-32.

/// Reads DEFLATE's bit stream, in which bits are packed starting from each byte's lowest bit.
struct BitReader {
    let bytes: [UInt8]
    /// The next byte to load into `buffer`.
    var next: Int
    /// Loaded, not yet consumed bits; the next bit is the lowest.
    var buffer: UInt64 = 0
    /// How many bits `buffer` holds.
    var available = 0

    init(_ bytes: [UInt8], from start: Int) {
        self.bytes = bytes
        next = start
    }

    /// Tops the buffer up to more than 56 bits. Past the end of the input it loads zero bytes,
    /// so that a Huffman lookup near the end can peek a full table width; a stream that really
    /// consumes them is caught here (after 8 such bytes) or by `endOfStream()`.
    mutating func refill() throws {
        while available <= 56 {
            if next < bytes.count {
                buffer |= UInt64(bytes[next]) << UInt64(available)
            } else if next >= bytes.count + 8 {
                throw InflateError("the compressed data ends too soon")
            }
            next += 1
            available += 8
        }
    }

    /// The next `n` bits (n ≤ 32) as an integer, first bit lowest.
    mutating func read(_ n: Int) throws -> Int {
        if available < n { try refill() }
        let value = Int(buffer & ((1 << UInt64(n)) &- 1))
        buffer >>= UInt64(n)
        available -= n
        return value
    }

    /// The next symbol of a Huffman code: one table lookup on the next `width` bits.
    mutating func decode(_ code: HuffmanCode) throws -> Int {
        if available < code.width { try refill() }
        let entry = code.table[Int(buffer & code.mask)]
        guard entry != 0 else { throw InflateError("invalid Huffman code") }
        let length = Int(entry & 15)
        buffer >>= UInt64(length)
        available -= length
        return Int(entry >> 4)
    }

    /// Drops the bits up to the next byte boundary (stored blocks and the stream end are aligned).
    mutating func alignToByte() {
        let drop = available % 8
        buffer >>= UInt64(drop)
        available -= drop
    }

    /// After the final block: the index of the first byte that follows the stream.
    mutating func endOfStream() throws -> Int {
        alignToByte()
        let end = next - available / 8
        guard end <= bytes.count else { throw InflateError("the compressed data ends too soon") }
        return end
    }
}

/// A canonical Huffman code (RFC 1951 3.2.2), given by each symbol's code length, decoded with
/// one lookup table indexed by the next `width` input bits.
///
/// Each entry holds `symbol << 4 | length`, with 0 meaning "no code here". A code of length L is
/// entered at every index whose low L bits are the code, bit-reversed (DEFLATE sends Huffman
/// codes most significant bit first into a stream read lowest bit first).
struct HuffmanCode {
    let table: [UInt16]
    let width: Int
    let mask: UInt64

    init<C: Collection>(lengths: C) throws where C.Element == UInt8 {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        // Kraft's inequality: more codes of a length than the shorter ones leave room for
        // cannot be decoded. An incomplete code is allowed; its unused entries stay 0.
        var room = 1
        for length in 1...15 {
            room = room << 1 - counts[length]
            guard room >= 0 else { throw InflateError("over-subscribed Huffman code") }
        }
        // Canonical codes: shorter codes first, and within a length, in symbol order.
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }
        width = max(1, Int(lengths.max() ?? 0))
        mask = (1 << UInt64(width)) - 1
        var table = [UInt16](repeating: 0, count: 1 << width)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            let length = Int(l)
            var reversed = 0, c = nextCode[length]
            nextCode[length] += 1
            for _ in 0..<length { reversed = reversed << 1 | c & 1; c >>= 1 }
            let entry = UInt16(symbol << 4 | length)
            for i in stride(from: reversed, to: table.count, by: 1 << length) { table[i] = entry }
        }
        self.table = table
    }
}

extension Inflate {
    /// CRC-32 (the IEEE polynomial, reflected), as gzip stores it after each member.
    package static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
