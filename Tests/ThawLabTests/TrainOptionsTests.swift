import Foundation
import Testing
import ThawLab
import ThawNN

/// `train`'s loss, coupled L2 and checkpoint options: what they do, and the messages for
/// lines that cannot work.
@Suite struct TrainOptionsTests {
    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-train-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func run(_ s: Session, _ line: String) -> String { LabFixture.text(s.run(line).outputs) }

    @Test func eachLossTrainsAndReportsItsOwnScale() {
        let s = LabFixture.session()
        for line in ["a = clone net", "b = clone net", "c = clone net"] { _ = s.run(line) }
        let ce = run(s, "train a on old epochs 3")
        let smooth = run(s, "train b on old epochs 3 loss smooth smoothing 0.2")
        let mse = run(s, "train c on old epochs 3 loss mse")
        // Squared error to one-hot labels starts near 0.1 (ten outputs near zero, one target of 1).
        func last(_ text: String) -> Double { Double(text.split(separator: "→").last!.split(separator: "\n")[0].trimmingCharacters(in: .whitespaces)) ?? .nan }
        #expect(last(mse) < 0.1, "\(mse)")
        #expect(last(smooth) > last(ce), "\(smooth) vs \(ce)")
        // Every model learned something, whatever it minimised.
        for m in ["a", "b", "c"] { #expect(run(s, "expect accuracy(\(m), old) > 0.5").contains("pass"), "\(m)") }
    }

    @Test func coupledL2PullsTheWeightsTowardsZero() throws {
        let s = LabFixture.session()
        for line in ["a = clone net", "b = clone net", "train a on old epochs 10 lr 1e-2", "rb = train b on old epochs 10 lr 1e-2 l2 0.05"] {
            #expect(!LabFixture.isError(s.run(line).outputs), "\(line)")
        }
        func norm(_ name: String) throws -> Double {
            guard case let .model(m)? = s.workspace[name] else { throw CocoaError(.featureUnsupported) }
            return m.module.parameters.reduce(0) { $0 + $1.data.reduce(0) { $0 + Double($1) * Double($1) } }.squareRoot()
        }
        let (a, b) = (try norm("a"), try norm("b"))
        #expect(b < 0.8 * a, "l2 should leave smaller weights: \(b) vs \(a)")
        #expect(run(s, "expect l2(rb) == 0.05 and wd(rb) == 0").contains("pass"))
    }

    @Test func badCombinationsSayWhatIsWrong() {
        let s = LabFixture.session()
        let cases = [
            ("train net on old smoothing 0.2", "`smoothing` is the amount for `loss smooth`"),
            ("train lm on words steps 2 loss mse", "`loss mse` is for labelled examples"),
            ("train net on old loss mse balance weights", "with `loss mse` use `balance oversample`"),
            ("train net on old every 2", "add `checkpoint \"FILE\"`"),
            ("train net on old resume \"x.ckpt\" ewc 10 keep new", "`resume` cannot continue a run with `ewc`"),
            ("train net on old resume \"x.ckpt\" unfreeze gradual", "`resume` cannot continue a run with `unfreeze gradual`"),
            ("train net on old resume \"/nonexistent/x.ckpt\"", "/nonexistent/x.ckpt"),
            ("train net on old loss hinge", "hinge"),
            ("train net on old smoothing 1", "`smoothing` of 1"),
            ("train net on old l2 -1", "l2"),
        ]
        for (line, message) in cases {
            let text = run(s, line)
            #expect(text.contains(message), "\(line): \(text)")
        }
    }

    @Test func resumeRefusesAFileFromAnotherRunOrWithoutOne() {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = LabFixture.session()
        _ = s.run("twin = clone net")
        let wrote = run(s, "train net on old epochs 3 lr 1e-2 checkpoint \"\(dir)/a.ckpt\"")
        #expect(wrote.contains("the state after epoch 3"), "\(wrote)")
        let before = run(s, "print distance(net, twin)")
        let other = run(s, "train twin on old epochs 4 lr 1e-2 resume \"\(dir)/a.ckpt\"")
        #expect(other.contains("was written by a run of") && other.contains("epochs 3") && other.contains("epochs 4"), "\(other)")
        #expect(run(s, "print distance(net, twin)") == before, "a refused resume leaves the model as it was")
        _ = s.run("save net \"\(dir)/w.safetensors\"")
        let weights = run(s, "train twin on old epochs 3 lr 1e-2 resume \"\(dir)/w.safetensors\"")
        #expect(weights.contains("holds no training run"), "\(weights)")
        let patience = run(s, "train twin on old epochs 3 lr 1e-2 patience 2 val new resume \"\(dir)/a.ckpt\"")
        #expect(patience.contains("was written by a run of"), "\(patience)")
    }
}
