import Foundation
import ThawData

/// The safetensors file format (Hugging Face), which PyTorch, PEFT and Python's `safetensors`
/// read: an 8-byte little-endian header length N, N bytes of JSON describing each tensor
/// (`dtype`, `shape`, `data_offsets` into the data section) plus optional string
/// `__metadata__`, then the raw little-endian data.
public enum SafeTensors {
    /// One tensor read from or written to a file, as Float32 values.
    public struct Entry: Equatable, Sendable {
        public var shape: [Int]
        public var values: [Float]
        /// The type the file stored (`F32`, `I64`…): integers are not weights.
        public var dtype: String
        public init(shape: [Int], values: [Float], dtype: String = "F32") {
            self.shape = shape
            self.values = values
            self.dtype = dtype
        }

        /// Whether the file stored floating-point numbers.
        public var isFloat: Bool { dtype.hasPrefix("F") || dtype == "BF16" }
    }

    /// What can go wrong reading a file; each names the file and the problem.
    public struct FormatError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let problem: String
        public var description: String { "\(file): not a valid safetensors file: \(problem)" }
    }

    /// Encodes tensors (written in name order, so the same tensors give the same bytes).
    public static func encode(_ tensors: [String: Entry], metadata: [String: String] = [:]) -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let e = tensors[name]!
            precondition(e.values.count == e.shape.reduce(1, *), "\(name): \(e.values.count) values for shape \(e.shape)")
            header[name] = ["dtype": "F32", "shape": e.shape, "data_offsets": [offset, offset + 4 * e.values.count]]
            offset += 4 * e.values.count
        }
        var json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }  // pad with spaces: data stays 8-byte aligned
        var out = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        for name in names {
            tensors[name]!.values.withUnsafeBufferPointer { buffer in
                // Float32 in memory is little-endian on every platform Thaw runs on.
                out.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress!)
                    .assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
            }
        }
        return out
    }

    /// Writes atomically with `SafeWrite`: a crash never leaves a half-written checkpoint,
    /// and only a regular file (or nothing) is ever replaced.
    public static func write(_ tensors: [String: Entry], metadata: [String: String] = [:], to url: URL) throws {
        try SafeWrite.write(encode(tensors, metadata: metadata), to: url)
    }

    /// Reads a file; F32, F64, F16, BF16, I64 and I32 tensors are converted to Float32.
    public static func read(_ url: URL) throws -> (tensors: [String: Entry], metadata: [String: String]) {
        // A FileReadError says the path and the reason in words.
        let data = Data(try SafeRead.bytes(of: url.path, limit: sizeLimit))
        return try decode(data, file: url.path)
    }

    /// The largest file read: well above any checkpoint of a model Thaw can build, well
    /// below what would strain the machine.
    public static let sizeLimit = 1 << 30

    public static func decode(_ data: Data, file: String = "<memory>") throws -> (tensors: [String: Entry], metadata: [String: String]) {
        func fail(_ problem: String) -> FormatError { FormatError(file: file, problem: problem) }
        guard data.count >= 8 else { throw fail("it is \(data.count) bytes long, shorter than the 8-byte header length") }
        let n = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard n <= UInt64(data.count - 8) else { throw fail("the header claims \(n) bytes but the file has \(data.count - 8) after the length") }
        let headerData = data.subdata(in: 8..<(8 + Int(n)))
        guard let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any] else {
            throw fail("the header is not a JSON object")
        }
        let base = 8 + Int(n), available = data.count - base
        var tensors: [String: Entry] = [:], metadata: [String: String] = [:]
        var spans: [(range: Range<Int>, name: String)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let m = value as? [String: String] else { throw fail("__metadata__ must map strings to strings") }
                metadata = m
                continue
            }
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shapeNumbers = info["shape"] as? [NSNumber],
                  let offsetNumbers = info["data_offsets"] as? [NSNumber], offsetNumbers.count == 2 else {
                throw fail("tensor `\(name)` lacks dtype, shape or data_offsets")
            }
            guard let width = byteWidth[dtype] else { throw fail("tensor `\(name)` has dtype \(dtype), which Thaw cannot read") }
            guard let shape = shapeNumbers.map(exactInt) as? [Int], shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor `\(name)`: its shape \(shapeNumbers) must be whole numbers, none negative")
            }
            guard let offsets = offsetNumbers.map(exactInt) as? [Int], offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("tensor `\(name)`: its data_offsets \(offsetNumbers) must be two whole numbers, start ≤ end, none negative")
            }
            // Checked arithmetic throughout: a header is untrusted, and an overflow traps.
            guard let count = elementCount(shape), let bytes = multiplied(count, width) else {
                throw fail("tensor `\(name)`: shape \(shape) is far larger than any file")
            }
            guard offsets[1] <= available, offsets[1] - offsets[0] == bytes else {
                throw fail("tensor `\(name)`: offsets \(offsets) do not fit shape \(shape) of \(dtype) in \(available) data bytes")
            }
            spans.append((offsets[0]..<offsets[1], name))
            let slice = data.subdata(in: (base + offsets[0])..<(base + offsets[1]))
            tensors[name] = Entry(shape: shape, values: convert(slice, dtype: dtype, count: count), dtype: dtype)
        }
        spans.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for (a, b) in zip(spans, spans.dropFirst()) where a.range.overlaps(b.range) {
            throw fail("tensors `\(a.name)` and `\(b.name)` overlap in the data (bytes \(a.range) and \(b.range))")
        }
        return (tensors, metadata)
    }

    /// The number as an Int when it is a whole number that fits; nil for 1.5, 1e300, or
    /// anything an Int cannot hold (NSNumber's `intValue` would silently truncate).
    static func exactInt(_ number: NSNumber) -> Int? {
        let type = String(cString: number.objCType)
        if type == "d" || type == "f" {
            let d = number.doubleValue
            guard d.rounded() == d, let i = Int(exactly: d) else { return nil }
            return i
        }
        let i = number.int64Value
        // Large unsigned values wrap to negative here; they are refused as negative.
        guard number.compare(NSNumber(value: i)) == .orderedSame else { return nil }
        return Int(i)
    }

    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for d in shape {
            guard let c = multiplied(count, d) else { return nil }
            count = c
        }
        return count
    }

    static func multiplied(_ a: Int, _ b: Int) -> Int? {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : r
    }

    static let byteWidth = ["F32": 4, "F64": 8, "F16": 2, "BF16": 2, "I64": 8, "I32": 4]

    static func convert(_ bytes: Data, dtype: String, count: Int) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { i -> Float in
                switch dtype {
                case "F32": Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).littleEndian)
                case "F64": Float(Double(bitPattern: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self).littleEndian))
                case "F16": Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian))
                case "BF16": Float(bitPattern: UInt32(raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian) << 16)
                case "I64": Float(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
                default: Float(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
                }
            }
        }
    }
}
