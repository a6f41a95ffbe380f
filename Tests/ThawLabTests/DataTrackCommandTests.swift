import Testing
import ThawLab
import ThawLang

/// The commands and functions the data lessons use: markers and groups, augmentation you can
/// look at, F1, and the checks that a run balanced or augmented its data.
@Suite("Data track: markers, augmentation, balance, F1")
struct DataTrackCommandTests {
    func run(_ s: Session, _ line: String) -> String { LabFixture.text(s.run(line).outputs) }

    @Test func markersPlantAShortcutThatSelectCanSplitByGroup() {
        let s = LabFixture.session()
        #expect(!LabFixture.isError(s.run("biased = transform train marker 0.95").outputs))
        #expect(run(s, "print seen(net, biased)").contains("= 0"))
        let agree = run(s, "a = select biased where marker == label\nshow a rows 1")
        // 95% of the 1257 training images agree: 1194.
        #expect(agree.contains("1194 examples"), "\(agree)")
        #expect(run(s, "d = select biased where marker != label and label < 5\nshow d rows 1").contains("examples"))
        let plain = run(s, "x = select train where marker == label")
        #expect(plain.contains("these images have no marker"), "\(plain)")
        #expect(run(s, "x = select train where colour == 1").contains("`label`, `index` and `marker`"))
    }

    @Test func markersAndAugmentationRefuseWhatTheyCannotDraw() {
        let s = LabFixture.session()
        _ = s.run("langid = load langid")
        #expect(run(s, "t = transform langid marker 0.9").contains("not a set of images"))
        #expect(Script("t = transform digits marker 1.5").diagnostics.contains { $0.message.contains("`marker`") })
        #expect(Script("t = transform digits augment tilt").diagnostics.contains { $0.message.contains("`augment` needs one of") })
        #expect(run(s, "t = transform digits").contains("`marker 0.95` or `augment affine`"))
        _ = s.run("enc = encoder on langid layers 1 heads 1 width 8 context 16")
        let text = run(s, "train enc on langid steps 2 augment shift")
        #expect(text.contains("`augment` changes images"), "\(text)")
        #expect(run(s, "train net on train steps 2 augment marker").contains("trained net"))
    }

    @Test func transformAugmentChangesEachImageOnceAndKeepsTheLabels() {
        let s = LabFixture.session()
        let shown = run(s, "w = transform train augment affine\nshow w rows 2")
        #expect(shown.contains("1257 examples") && shown.contains("augmented"), "\(shown)")
        #expect(run(s, "print seen(net, w)").contains("= 0"))
        // The same examples (by source row): a model trained on the copy has seen `train`.
        _ = s.run("train net on w steps 5 batch 300")
        #expect(run(s, "print seen(net, train)").contains("= 1257"))
        let moved = run(s, "b = transform train marker 1\nm = transform b augment marker\nx = select m where marker == label\nshow x rows 1")
        #expect(!moved.contains("1257 examples"), "most markers moved: \(moved)")
    }

    @Test func f1AndMacroF1MatchPrecisionAndRecall() throws {
        let s = LabFixture.session()
        _ = s.run("train net on train epochs 3")
        func value(_ line: String) throws -> Double {
            let text = run(s, line)
            return try #require(Double(text.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)), "\(text)")
        }
        let (p, r) = (try value("print precision(net, test, 3)"), try value("print recall(net, test, 3)"))
        #expect(abs(try value("print f1(net, test, 3)") - 2 * p * r / (p + r)) < 1e-3)
        var sum = 0.0
        for c in 0..<10 { sum += try value("print f1(net, test, \(c))") }
        #expect(abs(try value("print macro_f1(net, test)") - sum / 10) < 1e-3)
        #expect(run(s, "print f1(net, test, 12)").contains("there is no class 12"))
        #expect(Script("print macro_f1(net)").diagnostics.contains { $0.message.contains("takes 2 arguments, not 1") })
    }

    @Test func balancedAndAugmentedReadTheRun() {
        let s = LabFixture.session()
        _ = s.run("r0 = train net on old steps 2")
        _ = s.run("r1 = train net on old steps 2 balance oversample")
        _ = s.run("r2 = train net on old steps 2 augment affine")
        _ = s.run("b = transform old marker 0.9")
        _ = s.run("r3 = train net on b steps 2 balance groups")
        #expect(run(s, "expect not balanced(r0) and not augmented(r0)").contains("pass"))
        #expect(run(s, "expect balanced(r1) and not augmented(r1)").contains("pass"))
        #expect(run(s, "expect augmented(r2) and not balanced(r2)").contains("pass"))
        #expect(run(s, "expect balanced(r3)").contains("pass"))
        #expect(run(s, "print balanced(net)").contains("not a run"))
    }

    @Test func helpShowsTheNewFunctionsAndOptionsWithExamples() {
        let s = LabFixture.session()
        #expect(run(s, "help f1").contains("f1(net, test, 8)"))
        #expect(run(s, "help macro_f1").contains("macro_f1(net, test)"))
        #expect(run(s, "help balanced").contains("expect balanced(r)"))
        #expect(run(s, "help augmented").contains("expect augmented(r)"))
        let transform = run(s, "help transform")
        #expect(transform.contains("transform train marker 0.95") && transform.contains("augment affine"), "\(transform)")
    }

    @Test func completionOffersTheNewWords() {
        func complete(_ line: String) -> [String] {
            CommandCatalog.completions(for: line, cursor: line.utf8.count, names: ["net", "train", "r"], layerPaths: [])
        }
        #expect(complete("t = transform train mar") == ["marker"])
        #expect(complete("t = transform train augment ").contains("marker"))
        #expect(complete("train net on train balance ").contains("groups"))
        #expect(complete("print macro") == ["macro_f1"])
        #expect(complete("expect bal") == ["balanced"])
    }
}
