import Foundation
import Testing
import ThawLab

/// Every command, end to end through a session, as a learner would type it.
@Suite struct EvaluatorTests {
    func run(_ s: Session, _ line: String) -> (text: String, error: Bool, outputs: [Output]) {
        let outputs = s.run(line).outputs
        return (LabFixture.text(outputs), LabFixture.isError(outputs), outputs)
    }

    @Test func dataCommands() {
        let s = LabFixture.session()
        #expect(!run(s, "few = select train shots 3").error)
        #expect(run(s, "show few").text.contains("30 examples"))
        #expect(!run(s, "noisy = transform test noise 0.35").error)
        #expect(!run(s, "both = join old new").error)
        #expect(run(s, "show both").text.contains("\(1257) examples"))
        #expect(run(s, "turned = transform digits rotate 90; a, b = split turned 0.5").error == false)
        #expect(run(s, "x = transform digits").text.contains("say how to transform"))
        #expect(run(s, "x = load digitz").text.contains("did you mean `digits`?"))
        #expect(run(s, "x = load \"/no/such/file.csv\"").error)
        #expect(run(s, "x = select words take 3").text.contains("language model"))
        #expect(run(s, "a, b, c = split digits 0.5").text.contains("gives back 2"))
        // `classes` renumbers from 0 (for a new head); `where` keeps labels as they are.
        #expect(!run(s, "late = select train classes 5..9").error)
        #expect(run(s, "show late").text.contains("5 classes"))
        #expect(run(s, "five = mlp 64 8 5; train five on late steps 2").error == false)
        #expect(run(s, "x = select train classes 12").text.contains("no class 12"))
    }

    @Test func modelCommandsAndShow() {
        let s = LabFixture.session()
        let shown = run(s, "show net").text
        #expect(shown.contains("net.head.weight") && shown.contains("trainable params: 3,466"))
        #expect(!run(s, "c = cnn classes 5").error)
        #expect(!run(s, "langid = load langid").error)
        #expect(!run(s, "enc = encoder on langid classes 2 width 16 heads 2 layers 1").error)
        #expect(!run(s, "copy = clone net").error)
        #expect(run(s, "head copy 5").text.contains("10→5") == false && run(s, "show copy").text.contains("5"))
        #expect(run(s, "mlp 64 10").text.contains("give the new model a name"))
        #expect(run(s, "big = mlp 64 100000000 10").text.contains("more than Thaw allows"))
        #expect(run(s, "x = pretrained nothing_here").error)
    }

    @Test func trainingFreezingAndRates() {
        let s = LabFixture.session()
        let trained = run(s, "r = train net on old epochs 3 track old new val test patience 5")
        #expect(!trained.error && trained.text.contains("trained net for 3 epochs"))
        #expect(run(s, "expect epochs(r) == 3").text.hasPrefix("pass"))
        #expect(run(s, "expect accuracy(net, old) > 0.6").text.hasPrefix("pass"))
        #expect(run(s, "freeze net except net.head").text.contains("trainable params: 330"))
        #expect(run(s, "expect frozen(net.0) and not frozen(net.head)").text.hasPrefix("pass"))
        #expect(run(s, "lr net decay 2.6").text.contains("1.479e-4"))
        #expect(run(s, "lr net.head 1e-2").text.contains("0.01"))
        #expect(!run(s, "train net on new steps 10 opt sgd schedule cosine warmup 3 clip 1").error)
        #expect(!run(s, "train net on new epochs 1 unfreeze gradual schedule stlr").error)
        #expect(!run(s, "train net on new epochs 1 ewc 100 keep old").error)
        #expect(!run(s, "train net on new epochs 1 l2sp 0.01 rehearse 20 keep old balance weights augment shift").error)
        #expect(run(s, "train net on new ewc 100").text.contains("needs `keep DATASET`"))
        #expect(run(s, "train net on new patience 3").text.contains("add `val DATASET`"))
        #expect(run(s, "freeze net.haed").text.contains("did you mean `net.head`?"))
        #expect(run(s, "train lm on words steps 5").text.contains("5 steps"))
        #expect(run(s, "train net on words").text.contains("character sequences"))
    }

    @Test func adaptersMergeAndTheirCounts() {
        let s = LabFixture.session()
        _ = run(s, "train net on old epochs 2")
        _ = run(s, "pre = snapshot net")
        let lora = run(s, "lora net.0 net.1 rank 2 alpha 4").text
        #expect(lora.contains("trainable params: 320 ||"), "\(lora)")  // 2·(64+32) + 2·(32+32)
        _ = run(s, "unfreeze net.head; train net on new epochs 1 lr 1e-2")
        let before = run(s, "print accuracy(net, test)").text
        #expect(run(s, "merge net").text.contains("merged net.0, net.1"))
        #expect(run(s, "print accuracy(net, test)").text == before, "merging keeps the outputs")
        // diff reads a LoRA layer as W + (α/r)·B·A, so its update shows, with at most rank 2.
        #expect(run(s, "diff pre net").text.contains("0.weight"))
        #expect(run(s, "expect rank90(pre, net, net.1) <= 2 and rank90(pre, net, net.1) >= 1").text.hasPrefix("pass"))
        #expect(run(s, "print rank90(pre, net, net.0.bias)").text.contains("not a weight matrix"))
        let other = LabFixture.session()
        #expect(run(other, "adapter net.0 size 4").text.contains("trainable params"))
        #expect(run(other, "bitfit net").text.contains("trainable params: 110 ||"))  // 74 biases + the adapter's 4 + 32
        #expect(run(other, "prompt lm tokens 4").text.contains("trainable params: 64 ||"))
        #expect(!run(other, "quantize net bits 4 format nf4 block 64").error)
        #expect(run(other, "prompt net").text.contains("soft prompts work on a `gpt`"))
    }

    @Test func inspectionSnapshotsAndFiles() throws {
        let s = LabFixture.session()
        _ = run(s, "pre = snapshot net")
        _ = run(s, "r = train net on old epochs 2 track old")
        #expect(run(s, "eval net on old confusion").text.contains("confusion on old"))
        #expect(run(s, "compare pre net on old").text.contains("pts"))
        #expect(run(s, "diff pre net").text.contains("rank for 90%"))
        #expect(run(s, "plot loss").text.contains("train loss"))
        #expect(run(s, "plot accuracy of r").text.contains("old accuracy"))
        #expect(run(s, "plot lr log").text.contains("plot lr"))
        #expect(run(s, "expect forgetting(pre, net, old) < 0").text.hasPrefix("pass"))
        _ = run(s, "restore net from pre")
        #expect(run(s, "expect accuracy(net, old) == accuracy(pre, old) within 0").text.hasPrefix("pass"))
        #expect(run(s, "sample lm count 2 temperature 0.8").outputs.count == 1)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-lab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(!run(s, "save net \"\(dir.path)/net.safetensors\"").error)
        _ = run(s, "net2 = mlp 64 32 32 10")
        #expect(!run(s, "load \"\(dir.path)/net.safetensors\" into net2").error)
        #expect(run(s, "expect accuracy(net2, old) == accuracy(net, old) within 0").text.hasPrefix("pass"))
        #expect(run(s, "load \"\(dir.path)/net.safetensors\" into lm").text.contains("another model"))
        _ = run(s, "r2 = train net on new epochs 1 track old new")
        #expect(run(s, "plot forgetting of r2").text.contains("old forgetting"), "the first tracked dataset")
    }

    @Test func sessionCommands() {
        let s = LabFixture.session()
        #expect(run(s, "help").text.contains("freeze"))
        #expect(run(s, "help freeze").text.contains("freeze net except net.head"))
        #expect(run(s, "show").text.contains("workspace"))
        #expect(run(s, "lessons").text.contains("lesson"))
        _ = run(s, "reset")
        #expect(run(s, "show net").text.contains("there is no `net`"))
        _ = run(s, "quit")
        #expect(s.quitRequested)
    }

    @Test func failingExpectShowsTheNumbers() {
        let s = LabFixture.session()
        let check = run(s, "expect accuracy(net, old) > 0.99 and trainable(net) < 10")
        #expect(check.text.hasPrefix("fail"))
        #expect(check.text.contains("accuracy(net, old) = "))
        #expect(run(s, "expect accuracy(net, old)").text.contains("needs a condition"))
        #expect(run(s, "expect acuracy(net, old) > 0").text.contains("did you mean `accuracy`?"))
    }

    @Test func sameSeedSameNumbers() {
        func final() -> String {
            let s = LabFixture.session()
            _ = s.run("train net on old epochs 2 augment shift")
            return LabFixture.text(s.run("print loss(net, test)").outputs)
        }
        #expect(final() == final())
    }
}
