import Foundation
import ThawData

/// A zip archive with every file stored uncompressed — what Gradescope's autograder upload
/// reads, without zlib. The format (PKWARE APPNOTE 4.3): a local header and the bytes per
/// file, then the central directory, then its end record; sizes in 32 bits, which the
/// autograder bundle (sources, lessons, data: a few MB) is far below.
enum StoredZip {
    struct Entry {
        var path: String
        var bytes: [UInt8]
        var executable: Bool
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { into.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.path.utf8), crc = Inflate.crc32(entry.bytes), size = UInt32(entry.bytes.count)
            let offset = UInt32(out.count)
            // Local file header: version 2.0, flag 0x800 (UTF-8 names), method 0 (stored), time 0.
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x800, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(size, &out); u32(size, &out); u16(name.count, &out); u16(0, &out)
            out += name + entry.bytes
            // Central directory entry, made by Unix (3) so the mode in the external attributes counts.
            u32(0x0201_4B50, &central); u16(3 << 8 | 20, &central); u16(20, &central); u16(0x800, &central)
            u16(0, &central); u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(size, &central); u32(size, &central); u16(name.count, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(UInt32(entry.executable ? 0o100755 : 0o100644) << 16, &central); u32(offset, &central)
            central += name
        }
        let start = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(start, &out); u16(0, &out)
        return out
    }
}
