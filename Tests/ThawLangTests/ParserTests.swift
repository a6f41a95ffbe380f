import Testing
import ThawLang

/// Parses one clean statement, failing the test with the diagnostics when it is not clean.
func statement(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Statement? {
    let script = Script(text)
    #expect(script.diagnostics.isEmpty, "\(script.renderedDiagnostics())", sourceLocation: sourceLocation)
    #expect(script.statements.count == 1, sourceLocation: sourceLocation)
    return script.statements.first
}

/// The one-line summaries of a line's diagnostics.
func problems(_ text: String) -> [String] {
    Script(text).diagnostics.map(\.summary)
}

@Suite("Parser")
struct ParserTests {
    @Test func verbPositionalsAndOptionsInOrder() throws {
        let s = try #require(statement("train net on old epochs 8 lr 1e-3 opt adam"))
        #expect(s.bindings.isEmpty)
        #expect(s.command.name == "train")
        #expect(s.command.positionals.map(\.description) == ["net"])
        #expect(s.command.options.map(\.name) == ["on", "epochs", "lr", "opt"])
        #expect(s.command.options.map { $0.values.map(\.description) } == [["old"], ["8"], ["0.001"], ["adam"]])
    }

    @Test func everythingKeepsItsRange() throws {
        let text = "train net on old epochs 8"
        let s = try #require(statement(text))
        let source = SourceFile(text)
        #expect(source.text(in: s.range) == text)
        #expect(source.text(in: s.command.verb.range) == "train")
        #expect(source.text(in: s.command.positionals[0].range) == "net")
        #expect(source.text(in: s.command.options[1].range) == "epochs 8")
        #expect(source.text(in: s.command.options[1].key.range) == "epochs")
    }

    @Test func optionsMayComeBeforePositionals() throws {
        let s = try #require(statement("train on old net"))
        #expect(s.command.positionals.map(\.description) == ["net"])
        #expect(s.description == "train net on old")
    }

    @Test func bindingOneAndSeveralNames() throws {
        let one = try #require(statement("net = mlp 64 128 10"))
        #expect(one.bindings.map(\.name) == ["net"])
        #expect(one.command.positionals.compactMap(\.integer) == [64, 128, 10])
        let two = try #require(statement("train, test = split digits 0.7"))
        #expect(two.bindings.map(\.name) == ["train", "test"])
        #expect(two.command.name == "split")
    }

    @Test func aliasesResolveToCatalogueNames() throws {
        #expect(try #require(statement("exit")).command.name == "quit")
        #expect(try #require(statement("exit")).command.verb.name == "exit")
        let s = try #require(statement("train net on old optimizer sgd"))
        #expect(s.command.options[0 + 1].name == "opt")
        #expect(s.command.options[1].key.name == "optimizer")
    }

    @Test func valuesOfEveryForm() throws {
        let s = try #require(statement(#"select digits classes [0, 2, 4] take 10"#))
        #expect(s.command.value("classes")?.integers == [0, 2, 4])
        let r = try #require(statement("select digits classes 0..<5"))
        #expect(r.command.value("classes")?.kind == .range(lower: 0, upper: 5, includesUpper: false))
        #expect(r.command.value("classes")?.integers == [0, 1, 2, 3, 4])
        let n = try #require(statement("transform digits rotate -2"))
        #expect(n.command.value("rotate")?.number == -2)
        let f = try #require(statement(#"save net "runs/a b.safetensors""#))
        #expect(f.command.positionals[1].string == "runs/a b.safetensors")
        let g = try #require(statement("freeze gpt.blocks.*.attn"))
        #expect(g.command.positionals[0].path == LayerPath(["gpt", "blocks", "*", "attn"]))
    }

    @Test func flagsMayStandAloneOrTakeOnOff() throws {
        let bare = try #require(statement("eval net on old confusion"))
        #expect(bare.command.option("confusion")?.values == [])
        #expect(EvalCommand(bare.command).confusion)
        let off = try #require(statement("eval net on old confusion off"))
        #expect(!EvalCommand(off.command).confusion)
        // `on` is also eval's option: a flag never swallows a key.
        let before = try #require(statement("eval net confusion on old"))
        #expect(EvalCommand(before.command).confusion && EvalCommand(before.command).on.count == 1)
        let defaulted = try #require(statement("eval net on old"))
        #expect(!EvalCommand(defaulted.command).confusion)
        #expect(SplitCommand(try #require(statement("a, b = split digits 0.7")).command).stratify)
    }

    @Test func repeatingOptionsTakeValuesUpToTheNextOption() throws {
        let s = try #require(statement("compare pre net on old new"))
        #expect(s.command.values("on").map(\.description) == ["old", "new"])
        let e = try #require(statement("eval net on old new confusion"))
        #expect(e.command.values("on").count == 2)
        #expect(EvalCommand(e.command).confusion)
    }

    @Test func repeatingPositionalsFillTheLastArgument() throws {
        let s = try #require(statement("freeze net.0 net.1 except net.head"))
        #expect(s.command.arguments("layers").map(\.description) == ["net.0", "net.1"])
        #expect(s.command.values("except").map(\.description) == ["net.head"])
    }

    @Test func conditionsParseAsExpressions() throws {
        let s = try #require(statement("old = select digits where label < 5 take 100"))
        let condition = try #require(s.command.expression("where"))
        #expect(condition.description == "label < 5")
        #expect(SelectCommand(s.command).take == 100)
    }

    @Test func expectWithTolerance() throws {
        let s = try #require(statement("expect accuracy(a, x) ≈ accuracy(b, x) within 0.02"))
        let expectation = try #require(s.expectation)
        #expect(expectation.condition.description == "accuracy(a, x) == accuracy(b, x)")
        #expect(expectation.tolerance == 0.02)
        #expect(try #require(statement("expect frozen(net.0)")).expectation?.tolerance == nil)
    }

    @Test func scriptsSplitOnSemicolonsAndLinesAndSkipComments() {
        let script = Script("""
            # set up
            seed 7; net = mlp 64 10   # a tiny net

            show net
            """)
        #expect(script.diagnostics.isEmpty)
        #expect(script.statements.map(\.description) == ["seed 7", "net = mlp 64 10", "show net"])
    }

    @Test func aBadStatementDoesNotTakeTheOthersWithIt() {
        let script = Script("seed 7\nfrezee net\nshow net; train net on; seed 8\nsave net [x; seed 9")
        #expect(script.statements.map(\.description) == ["seed 7", "show net", "seed 8"])
        #expect(script.diagnostics.count == 3)
        // The unclosed `[` hides `; seed 9` rather than starting a statement inside it.
    }

    @Test func decodingFillsTheDeclaredDefaults() throws {
        let s = try #require(statement("train net on old epochs 3"))
        let train = TrainCommand(s.command)
        #expect(train.epochs == 3)
        #expect(train.lr == 1e-3)
        #expect(train.opt == .adam)
        #expect(train.steps == nil)
        #expect(train.model.word == "net")
        #expect(train.$epochs.isGiven && !train.$lr.isGiven)
    }

    @Test func syntaxErrors() {
        #expect(problems("x =") == ["expected a command after `=`"])
        #expect(problems("= 3") == ["expected a name before `=`"])
        #expect(problems("a, = load digits") == ["expected a name after `,`"])
        #expect(problems("net.0") == ["expected a command, found `net.0` — to look at it, write `show net.0`"])
        #expect(problems("3") == ["expected a command, found `3`"])
        #expect(problems("net.x = mlp 3 4") == ["a name cannot contain dots — bind a plain name, like `net2`"])
        #expect(problems("train net on old epochs") == ["`epochs` needs a value: a whole number of at least 1"])
        #expect(problems("train net on epochs 5") == ["`on` needs a value: a dataset's name"])
        #expect(problems("select digits classes [1, 2") == ["this `[` is never closed — add `]` where it ends"])
        #expect(problems("select digits classes [1 2]") == ["expected `,` or `]`, found `2`"])
        #expect(problems("select digits classes 1..") == ["this range has no end — ranges look like `0..5` or `0..<5`"])
        #expect(problems("select digits classes ..3") == ["this range has no start — ranges look like `0..5` or `0..<5`"])
        #expect(problems("seed -") == ["expected a number after `-`"])
        #expect(problems("epochs=3") == ["expected a command, found `3`"])
        #expect(problems("train net on old epochs = 3") == ["unexpected `=` inside a command — options are written `key value`, as in `epochs 8`; compare with `==`"])
        #expect(problems("show accuracy(net, old)") == ["unexpected `(` — metric functions such as `accuracy(…)` are used in `expect` and `print`"])
        #expect(problems("save net runs/net.safetensors") == [#"file names are written in quotes — write `"runs/net.safetensors"`"#])
        #expect(problems("select digits label < 5") == ["a condition must follow `where` — write `where label …`"])
    }
}
