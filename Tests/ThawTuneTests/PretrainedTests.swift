import Foundation
import Testing
import ThawData
import ThawNN
import ThawTensor
import ThawTune

@Suite struct PretrainedTests {
    func tempFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("thaw-\(UUID().uuidString)-\(name)")
    }

    /// Every shipped starting point loads quickly, is small, was made by the recipe the
    /// catalogue now gives, and scores on its held-out data what its file says it scores.
    @Test(arguments: Pretrained.names)
    func loadsQuicklyAndScoresWhatItsFileClaims(name: String) throws {
        let m = try Pretrained.entry(name)
        let url = try Pretrained.file(name)
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(bytes < 200_000, "\(url.lastPathComponent) is \(bytes) bytes")

        let clock = ContinuousClock()
        var loaded: (model: Module, metadata: [String: String])?
        let elapsed = try clock.measure { loaded = try Pretrained.loadWithMetadata(name) }
        let (model, meta) = try #require(loaded)
        print("\(name): loaded in \(elapsed) (\(bytes) bytes)")
        #expect(elapsed < .milliseconds(500), "loading \(name) took \(elapsed)")

        typealias K = Pretrained.MetadataKey
        #expect(meta[K.name] == name)
        #expect(meta[K.architecture] == m.architecture)
        #expect(meta[K.data] == m.data.recipe, "the data recipe changed since the file was made: remake it")
        #expect(meta[K.recipe] == m.recipe.description, "the training recipe changed since the file was made: remake it")
        #expect(meta[K.parameters] == String(model.parameterCount))

        let claimedAccuracy = try #require(meta[K.heldOutAccuracy].flatMap(Double.init))
        let claimedLoss = try #require(meta[K.heldOutLoss].flatMap(Double.init))
        let score = try Pretrained.evaluateHeldOut(model, as: name)
        // The file rounds to 4 decimals; another machine's BLAS may flip a near-tie or two.
        #expect(abs(score.accuracy - claimedAccuracy) <= 0.005, "\(name): held-out \(score.accuracy), file says \(claimedAccuracy)")
        #expect(abs(score.loss - claimedLoss) <= 0.01, "\(name): held-out loss \(score.loss), file says \(claimedLoss)")
    }

    /// The digits starting points are trained on exactly the data the lessons rebuild with
    /// `PretrainingData`: they score their recorded training accuracy there (100%), and less on
    /// the target half they never saw.
    @Test func theDigitsSourceHalfIsTheDataMlpDigitsLearned() throws {
        let halves = try PretrainingData.digitsHalves()
        #expect(halves.source.count == 629 && halves.target.count == 628 && halves.test.count == 540)
        #expect(Set(halves.source.ids).isDisjoint(with: halves.target.ids))
        #expect(Set(halves.source.ids + halves.target.ids).isDisjoint(with: halves.test.ids))
        let (model, meta) = try Pretrained.loadWithMetadata("mlp-digits")
        let claimed = try #require(meta[Pretrained.MetadataKey.trainAccuracy].flatMap(Double.init))
        let onSource = Evaluation.run(model, on: .inOrder(halves.source)).accuracy
        let onTarget = Evaluation.run(model, on: .inOrder(halves.target)).accuracy
        #expect(abs(onSource - claimed) <= 0.005 && onSource > onTarget + 0.01, "source \(onSource), target \(onTarget), file \(claimed)")
    }

    @Test func aMissingFileIsAClearErrorNamingTheFileAndTheRemedy() throws {
        let url = tempFile("mlp-digits.safetensors")
        #expect(throws: PretrainedError.missingFile(path: url.path, name: "mlp-digits")) {
            try Pretrained.load(try Pretrained.entry("mlp-digits"), from: url)
        }
        let message = "\(PretrainedError.missingFile(path: url.path, name: "mlp-digits"))"
        #expect(message.contains(url.path) && message.contains("mlp-digits") && message.contains("scripts/make-pretrained.sh"))
    }

    @Test func weightsOfAnotherModelAreAClearErrorNamingTheFile() throws {
        // mlp-digits-04's file under mlp-digits's entry: the head is 5-way, not 10-way.
        let other = try Pretrained.file("mlp-digits-04")
        let url = tempFile("mlp-digits.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.copyItem(at: other, to: url)
        do {
            _ = try Pretrained.load(try Pretrained.entry("mlp-digits"), from: url)
            Issue.record("loading another model's weights should fail")
        } catch let error as PretrainedError {
            let message = "\(error)"
            #expect(message.hasPrefix(url.path), "\(message)")
            #expect(message.contains("MLP 64-128-128-5") && message.contains("MLP 64-128-128-10"), "\(message)")
        }

        // Weights that fit the shapes but no architecture record still load only if every
        // parameter is there with its shape.
        var rng = RNG(seed: 1)
        let wrongShapes = MLP(sizes: [64, 100, 128, 10], rng: &rng)
        try Checkpoint.save(wrongShapes, to: url)
        do {
            _ = try Pretrained.load(try Pretrained.entry("mlp-digits"), from: url)
            Issue.record("loading weights of the wrong shape should fail")
        } catch let error as PretrainedError {
            let message = "\(error)"
            #expect(message.hasPrefix(url.path) && message.contains("`0.weight` is [100, 64] in the file but [128, 64] in the model"), "\(message)")
        }

        try Data("not a safetensors file".utf8).write(to: url)
        do {
            _ = try Pretrained.load(try Pretrained.entry("mlp-digits"), from: url)
            Issue.record("loading a damaged file should fail")
        } catch let error as PretrainedError {
            #expect("\(error)".hasPrefix(url.path) && "\(error)".contains("not a valid safetensors file"), "\(error)")
        }
    }

    @Test func namesAreLookedUpWithHelpfulErrors() throws {
        #expect(try Pretrained.entry("mlp_digits").name == "mlp-digits", "the shell's underscore spelling works")
        #expect(throws: PretrainedError.unknownName("mlp-digit", known: Pretrained.names)) { try Pretrained.entry("mlp-digit") }
        #expect("\(PretrainedError.unknownName("x", known: ["a", "b"]))" == "no pretrained model is called `x`; there are `a`, `b`")
        #expect(Set(Pretrained.names).count == Pretrained.catalogue.count)
        for m in Pretrained.catalogue {
            #expect(!m.summary.isEmpty && !m.summary.contains("\n"), "\(m.name): one line for `list`")
        }
    }
}
