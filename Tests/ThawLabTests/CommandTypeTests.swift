import Foundation
import Testing
import ThawLab
import ThawLang

/// The command layer keeps its promises: every command in the catalogue has code that runs
/// it, and that code reads every option the command declares, so no option is accepted and
/// silently ignored (as `cnn dropout` once was).
@Suite("Commands as typed values")
struct CommandTypeTests {
    @Test func everyCommandHasCodeThatRunsIt() {
        for type in CommandCatalog.definitions {
            let runByLab = Session.runs(type)
            // The lesson commands are the lesson layer's; everything else is ThawLab's.
            #expect(runByLab == (type.about.family != .lessons), "\(type.about.name)")
        }
    }

    /// Lines that between them give every argument and option of every ThawLab command,
    /// run in order in one session. `TMP` becomes a fresh folder.
    static let lines = [
        "help train", "seed 1", "budget memory 4096 minutes 20",
        "digits = load digits",
        "old, new = split digits 0.5", "a, b = split digits 0.5 stratify off",
        "held = select digits where label < 5 classes 0..4 shots 5 take 20",
        "noisy = transform digits noise 0.1 invert rotate 5 permute mislabel 0.1",
        "biased = transform digits marker 0.9 augment affine",
        "both = join old new",
        "net = mlp 64 16 10 activation tanh dropout 0.1",
        "deep = mlp 64 16 16 16 10 act sigmoid init kaiming norm layer residual",
        "c = cnn channels 4 8 classes 10",
        "words = load english",
        "lm = gpt on words layers 1 heads 1 width 8 context 8 dropout 0.1",
        "langid = load langid",
        "enc = encoder on langid layers 1 heads 1 width 8 context 16 dropout 0 classes 2",
        "pre = pretrained mlp_digits",
        "twin = clone net", "head twin 5",
        "train net on old epochs 1",
        "r = train net on old steps 3 batch 16 opt sgd lr 1e-2 momentum 0.5 wd 0.01 schedule cosine warmup 1 clip 1 unfreeze gradual patience 1 val new track new balance weights augment shift keep new ewc 10 l2sp 0.1 rehearse 5",
        #"train net on old epochs 1 loss smooth smoothing 0.2 l2 1e-4 checkpoint "TMP/ck" every 1"#,
        #"train net on old epochs 1 loss smooth smoothing 0.2 l2 1e-4 resume "TMP/ck""#,
        "sb = search net on old val new steps 2 batch 16 opt sgd lr 1e-3 1e-2 wd 0.01 l2 0 trials 2 method random seed 1",
        "sb = search net on old val new epochs 1 lr 1e-3 1e-2 trials 4 method grid",
        "lr net 1e-3", "lr net decay 2.6",
        "f = lrfind net on old steps 20 start 1e-5 end 1 batch 16 opt sgd momentum 0.5",
        "freeze net except net.head", "unfreeze net except net.0",
        "lora twin.0 rank 2 alpha 4 dropout 0.1",
        #"save twin "TMP/lora" peft"#,
        "adapter pre.0 size 4", "prompt lm tokens 2", "bitfit c", "merge twin",
        "quantize pre bits 4 format nf4 block 64",
        "show digits rows 0..3", "show r all", "show", "eval net on old confusion",
        #"sample lm count 2 temperature 0.8 start "a" length 5"#,
        "plot loss of r log", "compare net pre on old", "diff net pre",
        "s = snapshot net", "restore net from s",
        #"save net "TMP/net.safetensors""#, #"load "TMP/net.safetensors" into net"#,
        #"export "TMP/session.md""#,
        "expect accuracy(net, old) == accuracy(net, old) within 0.1", "print params(net)",
        "reset", "quit",
    ]

    @Test func everyOptionOfEveryCommandIsReadByTheCodeThatRunsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let session = Session()
        var given: [String: Set<String>] = [:]
        for template in Self.lines {
            let line = template.replacingOccurrences(of: "TMP", with: folder.path)
            let script = Script(line)
            let command = try #require(script.statements.first?.command, "\(line): \(script.renderedDiagnostics())")
            let spec = try #require(command.spec)
            let names = Set(command.options.map(\.name))
                .union(command.positionals.indices.compactMap { spec.argument(at: $0)?.name })
            given[spec.name, default: []].formUnion(names)

            let reads = ReadLog()
            session.optionReads = reads
            let outputs = session.run(line).outputs
            #expect(!LabFixture.isError(outputs), "\(line)\n\(LabFixture.text(outputs))")
            let unread = names.subtracting(reads.names)
            #expect(unread.isEmpty, "`\(spec.name)` ignored \(unread.sorted()) in: \(line)")
        }
        // The lines above must give every parameter of every command ThawLab runs.
        for type in CommandCatalog.definitions where Session.runs(type) {
            let spec = type.spec
            let all = Set(spec.arguments.map(\.name) + spec.options.map(\.name))
            let missing = all.subtracting(given[spec.name] ?? [])
            #expect(missing.isEmpty, "no line gives `\(spec.name)` \(missing.sorted())")
        }
    }

    @Test func cnnNoLongerAcceptsADropoutItWouldIgnore() {
        // Today's main accepted `cnn dropout 0.5` and built a cnn without dropout.
        let script = Script("net = cnn dropout 0.5")
        #expect(script.diagnostics.contains { $0.message.contains("has no option `dropout`") },
                "\(script.renderedDiagnostics())")
    }

    @Test func trainRefusesTwoBudgetsRatherThanIgnoringOne() {
        let s = LabFixture.session()
        let text = LabFixture.text(s.run("train net on old epochs 2 steps 5").outputs)
        #expect(text.contains("give `epochs` or `steps`, not both"), "\(text)")
    }

    @Test func aTransformerChecksTheDataItIsBuiltOn() {
        let s = LabFixture.session()
        #expect(LabFixture.text(s.run("lm2 = gpt on digits").outputs).contains("word list"))
        #expect(LabFixture.text(s.run("lm2 = gpt on nothing").outputs).contains("there is no `nothing`"))
        #expect(LabFixture.text(s.run("clf = encoder on words").outputs).contains("labelled words"))
    }

    @Test func defaultsAreDeclaredOnceAndReadBackAsDeclared() {
        // The catalogue's default text is read off the declaration, not written beside it.
        let train = TrainCommand()
        let spec = TrainCommand.spec
        #expect(spec.option(named: "epochs")?.defaultValue == String(train.epochs))
        #expect(spec.option(named: "lr")?.defaultValue == "1e-3")
        #expect(spec.option(named: "opt")?.defaultValue == train.opt.rawValue)
        #expect(spec.option(named: "opt")?.type == .choice(OptimizerChoice.allCases.map(\.rawValue)))
        #expect(spec.option(named: "steps")?.defaultValue == nil)
    }

    @Test func boundsAreCheckedBeforeAnythingRuns() {
        let refused = [
            ("net = mlp 64 32 10 dropout 1", "`dropout` of 1 is more than Thaw allows (below 1)"),
            ("lm = gpt on words dropout 1", "`dropout` of 1"),
            ("clf = encoder on words dropout 1", "`dropout` of 1"),
            ("lora net.0 dropout 1", "`dropout` of 1"),
            ("noisy = transform digits rotate 1e21", "`rotate` of 1e+21 is more than Thaw allows"),
            ("train net on digits epochs 100000", "`epochs` of 100000 is more than Thaw allows (at most 10000)"),
            ("net = mlp 64 5000 10", "<sizes> of 5000 is more than Thaw allows (at most 4096)"),
            ("seed -1", "`<seed>` must be at least 0"),
        ]
        for (line, message) in refused {
            let text = Script(line).diagnostics.map(\.message).joined(separator: "\n")
            #expect(text.contains(message.replacingOccurrences(of: "`<seed>`", with: "<seed>")), "\(line): \(text)")
        }
    }

    @Test func theShellsValidationAccuracyIgnoresPaddingLikeTheMetricDoes() throws {
        // On today's main the shell's `train` never told the Learner which target is padding:
        // `val accuracy` after training said ~17% where `accuracy(lm, b)` said ~24%.
        let s = Session()
        for line in ["seed 2", "words = load english", "a, b = split words 0.9",
                     "lm = gpt on a layers 1 heads 2 width 16 context 16",
                     "r = train lm on a steps 40 val b track b"] {
            let outputs = s.run(line).outputs
            #expect(!LabFixture.isError(outputs), "\(line): \(LabFixture.text(outputs))")
        }
        guard case let .run(run)? = s.workspace["r"] else { Issue.record("no run"); return }
        let shown = try #require(run.history.epochs.last?.validAccuracy)
        let tracked = try #require(run.history.epochs.last?.extra["b accuracy"])
        let printed = LabFixture.text(s.run("print accuracy(lm, b)").outputs)
        let metric = try #require(Double(printed.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)))
        #expect(abs(shown - metric) < 5e-5, "val accuracy \(shown) vs accuracy(lm, b) \(metric)")
        #expect(abs(tracked - metric) < 5e-5, "tracked \(tracked) vs accuracy(lm, b) \(metric)")
    }
}
