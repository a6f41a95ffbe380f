import Foundation
import Testing

/// `train … checkpoint` in one `thaw run`, the process ends, and `train … resume` in another
/// ends on the very bits of a run that never stopped: with dropout (a random stream in the
/// model), batches reshuffled every epoch, a cosine schedule, AdamW's state and early
/// stopping's best so far all in play. (The best epoch, 10, comes before the checkpoint,
/// after epoch 12, and the run stops at 13: the weights it ends with come from the file's
/// early-stopping state.)
@Suite struct ResumeThroughRunTests {
    static let setup = """
        seed 5
        digits = load digits
        train, test = split digits 0.7
        few = select train shots 12
        held = select test shots 10
        net = mlp 64 48 48 10 dropout 0.3
        """
    static let plan = "epochs 40 batch 32 lr 1e-2 schedule cosine wd 0.01 patience 3 val held"

    @Test func aResumedRunInANewProcessEndsOnTheBitsOfOneThatNeverStopped() throws {
        let dir = CLIOutputTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/run.ckpt"
        // The first process: checkpoints after epochs 4, 8 and 12; early stopping ends it at 13.
        try (Self.setup + "\ntrain net on few \(Self.plan) checkpoint \"\(file)\" every 4\n")
            .write(toFile: dir + "/first.thaw", atomically: true, encoding: .utf8)
        let first = try ThawBinary.run(["run", dir + "/first.thaw"], stdout: .file(dir + "/first.txt"), in: dir)
        let firstOut = (try? String(contentsOfFile: dir + "/first.txt", encoding: .utf8)) ?? ""
        #expect(first.status == 0, "\(first.stderr)\n\(firstOut)")
        #expect(firstOut.contains("the state after epoch 12 is in"), "\(firstOut)")

        // The second process: the uninterrupted run, and the same network resumed from the file.
        try (Self.setup + """

            twin = clone net
            train net on few \(Self.plan)
            r = train twin on few \(Self.plan) resume "\(file)"
            expect distance(net, twin) == 0
            expect epochs(r) == 1
            expect accuracy(net, test) == accuracy(twin, test)

            """).write(toFile: dir + "/second.thaw", atomically: true, encoding: .utf8)
        let second = try ThawBinary.run(["run", dir + "/second.thaw"], stdout: .file(dir + "/second.txt"), in: dir)
        let out = (try? String(contentsOfFile: dir + "/second.txt", encoding: .utf8)) ?? ""
        #expect(second.status == 0, "\(second.stderr)\n\(out)")
        #expect(out.contains("epoch 13, step 49"), "\(out)")
        #expect(out.components(separatedBy: "than epoch 10's").count == 3, "both runs stop on epoch 10's best: \(out)")
        #expect(!out.contains("✗"), "\(out)")
    }
}
