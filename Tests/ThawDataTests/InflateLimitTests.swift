import Foundation
import Testing
import ThawData

/// A "gzip bomb" stops at the output cap with a message instead of taking gigabytes.
@Suite struct InflateLimitTests {
    /// A fixed-Huffman DEFLATE block: one zero byte, then `copies` back-references of 258 bytes
    /// at distance 1, then end of block. About 13 bits of input per 258 bytes of output.
    static func bomb(copies: Int) -> [UInt8] {
        var out: [UInt8] = []
        var bitBuffer = 0, bitCount = 0
        func bits(_ value: Int, _ count: Int) {      // LSB first, as DEFLATE's extra bits
            for i in 0..<count {
                bitBuffer |= ((value >> i) & 1) << bitCount
                bitCount += 1
                if bitCount == 8 { out.append(UInt8(bitBuffer)); bitBuffer = 0; bitCount = 0 }
            }
        }
        func code(_ value: Int, _ length: Int) {      // Huffman codes go MSB first
            for i in stride(from: length - 1, through: 0, by: -1) { bits((value >> i) & 1, 1) }
        }
        bits(1, 1); bits(1, 2)                        // final block, fixed codes
        code(0x30, 8)                                 // literal 0
        for _ in 0..<copies {
            code(0xC5, 8)                             // length symbol 285: 258 bytes
            code(0, 5)                                // distance symbol 0: distance 1
        }
        code(0, 7)                                    // end of block
        if bitCount > 0 { out.append(UInt8(bitBuffer)) }
        return out
    }

    @Test func outputPastTheCapStops() throws {
        let stream = Self.bomb(copies: 20_000)        // 5 MB from 33 KB
        #expect(try Inflate.inflate(stream, limit: 10 << 20).count == 1 + 258 * 20_000)
        do {
            _ = try Inflate.inflate(stream, limit: 1 << 20)
            Issue.record("a stream past the cap was inflated whole")
        } catch {
            #expect("\(error)".contains("more than 1 MB"), "\(error)")
        }
    }

    @Test func theDefaultCapIsWellAboveTheShippedData() {
        // digits.csv.gz inflates to 265 KB (LoadTimeTests): the cap must leave room for a
        // learner's own data, and stop a bomb long before gigabytes.
        #expect(Inflate.outputLimit >= 16 << 20 && Inflate.outputLimit <= 256 << 20)
    }
}
