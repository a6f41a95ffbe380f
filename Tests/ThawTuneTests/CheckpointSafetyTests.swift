import Foundation
import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune

/// Malformed checkpoint headers are messages, never traps (each of these once crashed with
/// SIGILL on an integer overflow or was accepted without a word).
@Suite struct CheckpointSafetyTests {
    /// A safetensors file with this header and `dataBytes` zero bytes of data.
    static func file(_ header: String, dataBytes: Int = 8) -> Data {
        var json = Array(header.utf8)
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: json)
        out.append(Data(count: dataBytes))
        return out
    }

    static func problem(_ header: String, dataBytes: Int = 8) -> String? {
        do {
            _ = try SafeTensors.decode(file(header, dataBytes: dataBytes), file: "x.safetensors")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func shapesWhoseSizeOverflowsAreRefused() {
        let square = Self.problem(#"{"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}"#)
        #expect(square?.contains("far larger") == true, "\(square ?? "accepted")")
        let wide = Self.problem(#"{"w":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,8]}}"#)
        #expect(wide?.contains("far larger") == true, "\(wide ?? "accepted")")
    }

    @Test func offsetsThatOverflowOrAreNotWholeAreRefused() {
        let negative = Self.problem(#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[1,-9223372036854775808]}}"#)
        #expect(negative?.contains("data_offsets") == true, "\(negative ?? "accepted")")
        let fraction = Self.problem(#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0.5,4.5]}}"#)
        #expect(fraction?.contains("whole numbers") == true, "\(fraction ?? "accepted")")
    }

    @Test func overlappingTensorsAreRefused() {
        let overlap = Self.problem(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#)
        #expect(overlap?.contains("overlap") == true, "\(overlap ?? "accepted")")
        // Side by side is fine.
        #expect(Self.problem(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#) == nil)
    }

    func linearFile(_ tensors: [String: SafeTensors.Entry]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-\(UUID().uuidString).safetensors")
        try SafeTensors.write(tensors, to: url)
        return url
    }

    @Test func integerTensorsAndNonFiniteValuesAreNotWeights() throws {
        var rng = RNG(seed: 1)
        let net = MLP(sizes: [2, 2], rng: &rng)
        let shapes = Dictionary(uniqueKeysWithValues: net.namedParameters().map { ($0.path, $0.tensor.shape) })
        func entries(_ value: Float) -> [String: SafeTensors.Entry] {
            shapes.mapValues { SafeTensors.Entry(shape: $0, values: [Float](repeating: value, count: $0.reduce(1, *))) }
        }
        let nan = try linearFile(entries(.nan))
        defer { try? FileManager.default.removeItem(at: nan) }
        #expect(throws: Checkpoint.LoadError.self) { try Checkpoint.loadWeights(into: net, from: nan) }
        do { try Checkpoint.loadWeights(into: net, from: nan) } catch { #expect("\(error)".contains("nan at index 0")) }

        // The same shapes stored as I32: decode gives floats, but they are not weights.
        var header: [String] = []
        var offset = 0
        for (path, shape) in shapes.sorted(by: { $0.key < $1.key }) {
            let bytes = 4 * shape.reduce(1, *)
            header.append("\"\(path)\":{\"dtype\":\"I32\",\"shape\":\(shape),\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        let ints = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-\(UUID().uuidString).safetensors")
        try Self.file("{" + header.joined(separator: ",") + "}", dataBytes: offset).write(to: ints)
        defer { try? FileManager.default.removeItem(at: ints) }
        do {
            try Checkpoint.loadWeights(into: net, from: ints)
            Issue.record("integer tensors were loaded as weights")
        } catch {
            #expect("\(error)".contains("I32 integers"))
        }
        #expect(net.namedParameters().allSatisfy { $0.tensor.data.allSatisfy(\.isFinite) })
    }
}
