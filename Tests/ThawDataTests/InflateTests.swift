import Foundation
import Testing
import ThawData

@Suite("Inflate: gzip and DEFLATE without zlib")
struct InflateTests {
    func bytes(base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64)!) }

    @Test func crc32OfTheStandardCheckString() {
        #expect(Inflate.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Inflate.crc32([UInt8]()) == 0)
    }

    @Test func storedBlock() throws {
        let stored: [UInt8] = [1, 24, 0, 231, 255, 104, 101, 108, 108, 111, 44, 32, 104, 101, 108, 108, 111,
                               44, 32, 104, 101, 108, 108, 111, 32, 116, 104, 97, 119]
        #expect(String(decoding: try Inflate.inflate(stored), as: UTF8.self) == "hello, hello, hello thaw")
    }

    @Test func fixedHuffmanBlockWithBackReferences() throws {
        let fixed: [UInt8] = [203, 72, 205, 201, 201, 215, 81, 200, 64, 162, 20, 74, 50, 18, 203, 1]
        #expect(String(decoding: try Inflate.inflate(fixed), as: UTF8.self) == "hello, hello, hello thaw")
    }

    /// 3,000 skewed pseudo-random letters compressed by zlib at level 9 (a dynamic block).
    @Test func dynamicHuffmanBlock() throws {
        let compressed = bytes(base64: dynamicBlock.joined())
        #expect((compressed[0] >> 1) & 3 == 2)   // BTYPE 2: dynamic
        var x = 12345, expected: [UInt8] = []
        let alphabet = Array("eeeeeeeetttttaaaooiinnsshrdlu .,\n".utf8)
        for _ in 0..<3000 {
            x = (x * 1_103_515_245 + 12345) % (1 << 31)
            expected.append(alphabet[(x >> 16) % alphabet.count])
        }
        #expect(try Inflate.inflate(compressed) == expected)
    }

    @Test func gzipMembersAndTheirChecks() throws {
        #expect(try Inflate.gunzip(bytes(base64: "H4sIAAAAAAACAyvJSCznKhmJBADbAeT3+gAAAA==")) == Array(String(repeating: "thaw\n", count: 50).utf8))
        let two = bytes(base64: "H4sIAAAAAAACA0vLLCouUQAA/HrxHAYAAAAfiwgAAAAAAAIDK05Nzs9LAQBpER+2BgAAAA==")
        #expect(try Inflate.gunzip(two) == Array("first second".utf8))
    }

    @Test func damagedDataIsRefusedNotHalfRead() {
        var damaged = bytes(base64: "H4sIAAAAAAACAyvJSCznKhmJBADbAeT3+gAAAA==")
        damaged[damaged.count - 6] ^= 0x55          // inside the CRC-32
        #expect(throws: InflateError.self) { try Inflate.gunzip(damaged) }
        let truncated = Array(bytes(base64: "H4sIAAAAAAACAyvJSCznKhmJBADbAeT3+gAAAA==").prefix(16))
        #expect(throws: InflateError.self) { try Inflate.gunzip(truncated) }
        #expect(throws: InflateError.self) { try Inflate.inflate([0xFF, 0xFF]) }   // block type 3
        #expect(throws: InflateError.self) { try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00]) }  // LEN/NLEN
        let half = Array(bytes(base64: dynamicBlock.joined()).prefix(800))
        #expect(throws: InflateError.self) { try Inflate.inflate(half) }
    }

    let dynamicBlock = [
        "LZZhiiwhDIT/ewoPIN5JMKAgCibef7/q2ffY3Rnb1qRSqcp0s2IWb97Dx1eSsRDbo/mcVi3NuaOdvnfUfaxsa2zvMbtt",
        "mxZt8rX1EdbKaZOHd7+IOLmO0f3G4qTEMXtbXTbZeMzbKTP4qH/HzCNeC+O1uFFY3yusjhdczvqoZjrZ9EJjoUe4e95u",
        "ObXpu+x56+HBGqF4bD6iizT4mONZVsx6e5pz+/G1rMZ0O+lZrOo85Mfj7OjN5iIU23Wcw3W1dGPBTrTYN1nssETEuQKP",
        "WZ/7rZx5wX752ONstm6zHfuc2fTMwYdXZ39ctIhkzziT6Cyqrzy5ZSWb2WbcTsC8E3nf90jfp44e1t4l+LfCW9nVXrQH",
        "fDFIyyqnU5y4LJydj3Il+LZb7g28rd3E13ksfaGl1ARJttHKmB7gvGsdthv1Bt6ze6FOMzKF7pH4MafMo9eZIlpbDaqw",
        "+7Sdrj+vW7FEAdALSYL0IkCymd/Nt7bnjzrdfMKWH1hUBjwJuTWhldI/jJM6gW2PZl3ggoAWZgc2og2IFZFM2VCbLCy5",
        "ICtnqEPaHAOh+xR99IGKwCGHFlk0a/myS3BdUyU4blfnvQ5I3UqjRGnbXXB++rrHng8O7/2KKrducZZLn7VJoyTRMwEV",
        "BbfuBzI+4gt6as3SBkcZHRVbAZRYJ14hsnZABmiH6t3Vh5zq/L5Wj39p67/Dx2qrb9Cwei2fW8JhasmwqVS2NBWcJOjm",
        "Ay9nfNQ3QS74IjvZ0g9gpuNeJ53rrY72cZ07EmQ4viNdGzmLPDAZ0LYLVkMf/E5lD1MMwGB06/O9TQeIKQcOXUUBjacd",
        "4rVLHVwEVf1HBo8oKADikmO8r1NXUYJ9oUDKMlkbX8oByebOxMypJa5vqcGXYz2FgK1DavKZZVHCc9KCwvkDEUpxyKwQ",
        "EHLBZakPCJ85YOug3IvausSEgLXhxXcp9OLEVCK1s7YfmAaBOmQFC//EqmWnNCK2WMcJ1GvonkPh7z1Fa15E3+bRE5Wc",
        "peeyycdjOBntDyXhR8r50MloQzvt8ioiOZGFS59ungBJkwjx1RXpZhd4Lr5Jvij0gAC3Z7glsYMRttMnqlAXgPYt+VOH",
        "UP8A/1oAMbraKRwQ0LZCS9rZbTw0pWb1LY9p4q9j2WeeDlIJNxYN8rRKYbmmnYG4uyg2Pv7SjtIr4rQFdF8pWtMRCxNA",
        "s8kMtoKGaDcluUTQoav0EPBROXEJ3LgjvPKXftil0zsjYyabJp0C0fgFijlBNOd+on12cwMHsZ9WoQfPceRZGq1GMHX1",
        "RyEx9EIWTyAzsJR7ckhBwDWPT4KIkrJ2yUdZGKPYARBDiMgaw6HAmt7UJEeqLqnIhT7Pg5Z/XHTXJBCMg7qUaGnnzF1Q",
        "soIJzZEeDd3WwxrOfiNv+Rwbir0+CZ37s1BC0gpchCxwuB/Auz25w48Ta4CfBI/FImbEEAE8SjqSwkm3uNyrxs8Di1xh",
        "SSqsyP1fQRZVCqUJ0abatErkYCZ/dXsnETb917IhV+WgXlirUGrqC7n3sj0g8EXNwXjBmjYEHQSEnSCAJmNoG4GTn4E8",
        "1t56+JTFgoJ1mUYZZTthfUbJEZ838VaWrEtKUZhGxXVr377OUQgl6uf3ehZFJGh3arRQ0jQDWCNo8OdLXbksmQ+rm0Hh",
        "qps1F+BCQRO81p+RZJ2aDPZ6feWug2S6S93N2a4iNeaBva9z0x17wiZ1ASbiumux/kE0H53dCblU9WxWaSw9tB+BYezZ",
        "jDQFwpbG9jvz52BMGpuaayA4Hy0ZWTyqZCqSjy6nniQ7JUUTj8D5K2mlXp72536+3i+itSjiKBAZ/1TSIFrSaDMWqttz",
        "7w1P+YxxgOrENWkScVVawOsTr9MwAwRXkD8ky/MZe02c4fN0pJPOLRnHRPc0NK21N/eN9RnoVe+hcqVU9WF83hGlfS9D",
        "zHgJqfh6FKTF0TO/8UG2wvhIcfAg2miG9EYQW0ZbLphIXGdadUDE942mTB3MFaZCQz6GJkmSgM97j+Ql03i6639yuw3F",
        "5TdD4NbAoCFjlW9E6YJT6R6wr2xoT8fL1GVyWOOWO95E3zXV6WUI9FGYUesbpf2sJl/WoKzxUn6s4fnn3id7L1NGLHlj",
        "zGBWmVgv/BOkGIoyxmQRpLf/AA==",
    ]
}
