import Testing
import ThawLang

@Suite("Validation against the catalogue")
struct ValidatorTests {
    @Test func bindings() {
        #expect(problems("x = freeze net") == ["`freeze` gives back nothing to bind — write `freeze …` without `x =`"])
        #expect(problems("a = split digits 0.7") == ["`split` gives back 2 datasets — bind each, as in `x1, x2 = split …`"])
        #expect(problems("split digits 0.7") == ["`split` gives back 2 datasets; bind them — write `a, b = split …`"])
        #expect(problems("a, b = load digits") == ["`load` gives back one dataset — bind it to one name, as in `x1 = load …`"])
        #expect(problems("on = load digits") == ["`on` is a keyword and cannot name a value"])
        #expect(problems("a, a = split digits 0.5") == ["`a` is bound twice"])
    }

    @Test func argumentCounts() {
        #expect(problems("seed") == ["`seed` needs <seed>: any whole number — usage: seed <seed>"])
        #expect(problems("seed 1 2") == ["`seed` takes no more arguments — usage: seed <seed>"])
        #expect(problems("reset now") == ["`reset` takes no arguments — usage: reset"])
        #expect(problems("eval net on old confusion maybe") == ["`eval` has no option `maybe`"])
        #expect(problems("compare a on x") == ["`compare` needs <second>: another — usage: compare <first> <second> on <data>..."])
    }

    @Test func aForgottenOptionKeyIsNamed() {
        #expect(problems("train net old") == ["`train` needs `on` before `old` — write `on old`"])
        #expect(problems("restore net pre") == ["`restore` needs `from` before `pre` — write `from pre`"])
        // When the stray value would not fit the missing option, both problems are told.
        #expect(problems("restore net 3") == ["`restore` takes no more arguments — usage: restore <model> from <snapshot>",
                                              "`restore` needs `from <snapshot>`: the snapshot to restore from — usage: restore <model> from <snapshot>"])
    }

    @Test func valueForms() {
        #expect(problems("seed 1.5") == ["`seed` needs a whole number here"])
        #expect(problems("a, b = split digits 1.5") == ["`split` needs a number from 0 to 1 here"])
        #expect(problems("train net on old lr fast") == ["`lr` needs a number"])
        #expect(problems("train net.0 on old") == ["`train` needs a model's name here — name the whole model here, not one of its layers"])
        #expect(problems(#"train "net" on old"#) == ["`train` needs a model's name here — names are written without quotes: `net`"])
        #expect(problems("save net out.safetensors") == [#"`save` needs a quoted file name here — put file names in quotes: `"out.safetensors"`"#])
        #expect(problems("eval net on old confusion 3") == ["`eval` takes no more arguments — usage: eval <model> on <data>... [options]"])
        #expect(problems("select digits classes [1, x]") == ["`classes` needs class labels such as `3`, `[0, 2]` or `0..4`"])
        #expect(problems("show digits rows -1") == ["`rows` needs rows such as `0..10`, or a count"])
        #expect(problems("lessons 0") == ["`lessons` needs a lesson's number or name here"])
        #expect(problems("help frezee") == ["there is no command or function `frezee` — did you mean `freeze`?"])
        #expect(problems("lora net.0 rank 0") == ["`rank` needs a whole number of at least 1"])
        #expect(problems("mlp 64 -3 10") == ["`mlp` needs a whole number of at least 1 here"])
    }

    @Test func suggestionsComeFromTheRightList() {
        // An unknown option is compared with this command's options only.
        #expect(problems("lora net.0 rnak 4") == ["unknown option `rnak` for `lora` — did you mean `rank`?"])
        #expect(problems("train net on old patience 3 vall held") == ["unknown option `vall` for `train` — did you mean `val`?"])
        #expect(problems("Train net on old") == ["unknown command `Train` — did you mean `train`?"])
        #expect(problems("evaluate net on old").isEmpty)
        // An alias that is close suggests the command's own name.
        #expect(problems("evalute net on old") == ["unknown command `evalute` — did you mean `eval`?"])
    }

    @Test func cleanLinesHaveNoDiagnostics() {
        for line in [
            "seed 7",
            "digits = load digits",
            "old = select digits where label < 5",
            "new = select digits where label >= 5",
            "net = mlp 64 128 128 10",
            "show net",
            "train net on old epochs 8 lr 1e-3 opt adam",
            "eval net on old",
            "pretrained = snapshot net",
            "freeze net.0 net.1",
            "freeze net except net.head",
            "lr net decay 2.6",
            "train net on new epochs 5 unfreeze gradual",
            "compare pretrained net on old new",
            "lora net.1 rank 4 alpha 8",
            "plot loss",
            "expect accuracy(net, old) > 0.9",
            #"save net "runs/net.safetensors""#,
            "help freeze",
        ] {
            #expect(problems(line).isEmpty, "\(line): \(problems(line))")
        }
    }
}

@Suite("Suggestions")
struct SuggestTests {
    @Test func closeWordsAndNothingForFarOnes() {
        let commands = CommandCatalog.names
        #expect(Suggest.closest(to: "frezee", among: commands) == "freeze")
        #expect(Suggest.closest(to: "trian", among: commands) == "train")
        #expect(Suggest.closest(to: "snapshto", among: commands) == "snapshot")
        #expect(Suggest.closest(to: "unfrez", among: commands) == "unfreeze")
        #expect(Suggest.closest(to: "xyzzy", among: commands) == nil)
        #expect(Suggest.closest(to: "epo", among: ["epochs", "lr"]) == "epochs")
        #expect(Suggest.closest(to: "", among: commands) == nil)
        #expect(Suggest.closest(to: "nte", among: ["net", "new"]) == "net")
    }
}
