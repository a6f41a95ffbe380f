import Foundation
import Testing
import ThawNN
import ThawOptim
import ThawTensor
import ThawTune
import TestSupport

@Suite struct CheckpointTests {
    func tempFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("thaw-\(UUID().uuidString)-\(name)")
    }

    /// Test 3: stop mid-schedule (mid-epoch, with dropout and a schedule), resume from the
    /// checkpoint, and end bit for bit where the uninterrupted run ends.
    @Test func resumeIsBitIdenticalToTheUninterruptedRun() throws {
        func makeRun() -> (MLP, Learner) {
            var rng = RNG(seed: 11)
            let net = MLP(sizes: [16, 32, 32, 4], dropout: 0.2, rng: &rng)
            let (train, _) = Problems.blobs(seed: 2)
            let learner = Learner(model: net, optimizer: Adam.adamW(groups: net.singleGroup(lr: 1e-2, weightDecay: 0.1)),
                                  train: train, rng: RNG(seed: 12))
            learner.add(ScheduleCallback(.cosine()))
            return (net, learner)
        }
        let (full, fullRun) = makeRun()
        fullRun.fit(epochs: 4)

        let (first, firstRun) = makeRun()
        final class StopAt: Callback {
            func afterStep(_ l: Learner) { if l.step == 13 { l.requestStop(.requested("test")) } }
        }
        firstRun.add(StopAt())
        firstRun.fit(epochs: 4)
        #expect(firstRun.step == 13)
        let file = tempFile("resume.safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try Checkpoint.save(first, optimizer: firstRun.optimizer, position: firstRun.position, to: file)

        let (resumed, resumedRun) = makeRun()
        let position = try Checkpoint.resume(resumed, optimizer: resumedRun.optimizer, from: file)
        resumedRun.fit(epochs: 4, resume: position)
        #expect(resumedRun.step == fullRun.step)
        for ((path, a), (_, b)) in zip(full.namedParameters(), resumed.namedParameters()) {
            #expect(a.data == b.data, "\(path) differs after resuming")
        }
        #expect(Array(fullRun.history.steps.suffix(19).map(\.loss)) == resumedRun.history.steps.map(\.loss))
    }

    @Test func weightsRoundTripAndMismatchesAreClearErrors() throws {
        var rng = RNG(seed: 13)
        let net = MLP(sizes: [4, 6, 2], rng: &rng)
        let file = tempFile("w.safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try Checkpoint.save(net, metadata: ["note": "hello"], to: file)
        let copy = MLP(sizes: [4, 6, 2], rng: &rng)
        let meta = try Checkpoint.loadWeights(into: copy, from: file)
        #expect(meta["note"] == "hello")
        #expect(copy.parameters.map(\.data) == net.parameters.map(\.data))

        let wrong = MLP(sizes: [4, 7, 2], rng: &rng)
        let before = wrong.parameters.map(\.data)
        #expect(throws: Checkpoint.LoadError.self) { try Checkpoint.loadWeights(into: wrong, from: file) }
        #expect(wrong.parameters.map(\.data) == before, "a failed load leaves the model untouched")
    }

    @Test func malformedFilesAreRejectedWithTheReason() throws {
        let cases: [(Data, String)] = [
            (Data([1, 2, 3]), "shorter than the 8-byte header length"),
            (Data([200, 0, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8), "the header claims 200 bytes"),
            (Data([2, 0, 0, 0, 0, 0, 0, 0]) + Data("[]".utf8), "not a JSON object"),
        ]
        for (data, message) in cases {
            #expect(throws: SafeTensors.FormatError.self) { try SafeTensors.decode(data, file: "bad.safetensors") }
            do { _ = try SafeTensors.decode(data, file: "bad.safetensors") } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        let header = #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#
        var bad = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bad.append(contentsOf: $0) }
        bad.append(Data(header.utf8)); bad.append(Data(count: 16))
        #expect(throws: SafeTensors.FormatError.self) { try SafeTensors.decode(bad) }
    }

    /// Test 5 (last part): a file written by Thaw loads in Python's `safetensors` with the
    /// same values. Runs where `python3 -c "import safetensors"` works (CI installs it).
    @Test(.enabled(if: PythonCheck.has("safetensors")))
    func pythonSafetensorsReadsThawFiles() throws {
        let file = tempFile("py.safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        let values: [Float] = [1.5, -2.25, 3e-8, 1e6, 0, -0.125]
        try SafeTensors.write(["a.weight": .init(shape: [2, 3], values: values)], metadata: ["k": "v"], to: file)
        // Python prints the float32 bit patterns, so the comparison is exact.
        let script = """
        from safetensors import safe_open
        with safe_open('\(file.path)', framework='numpy') as f:
            t = f.get_tensor('a.weight')
            print(t.dtype, list(t.shape), [hex(x) for x in t.reshape(-1).view('uint32')], f.metadata())
        """
        let output = try PythonCheck.run(script)
        let bits = values.map { "'0x" + String($0.bitPattern, radix: 16) + "'" }.joined(separator: ", ")
        #expect(output.contains("float32 [2, 3] [\(bits)] {'k': 'v'}"), "\(output)")
    }
}
