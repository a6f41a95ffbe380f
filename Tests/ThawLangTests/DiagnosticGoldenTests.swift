import Testing
import ThawLang

/// Exact rendered text: what a learner sees under a bad line.
@Suite("Golden diagnostics")
struct DiagnosticGoldenTests {
    func rendered(_ text: String, name: String? = nil, firstLine: Int = 1) -> String {
        Script(text, name: name, firstLine: firstLine).renderedDiagnostics()
    }

    @Test func unknownCommand() {
        #expect(rendered("frezee net.0") == """
            error: unknown command `frezee`
              frezee net.0
              ^~~~~~
            did you mean `freeze`?
            """)
    }

    @Test func unknownCommandWithNothingClose() {
        #expect(rendered("bake net") == """
            error: unknown command `bake`
              bake net
              ^~~~
            note: type `help` to list the commands
            """)
    }

    @Test func misspeltOption() {
        #expect(rendered("train net on old epoch 8") == """
            error: unknown option `epoch` for `train`
              train net on old epoch 8
                               ^~~~~
            did you mean `epochs`?
            """)
    }

    @Test func wrongValueKind() {
        #expect(rendered("train net on old epochs 2.5") == """
            error: `epochs` needs a whole number of at least 1
              train net on old epochs 2.5
                                      ^~~
            """)
    }

    @Test func wrongChoiceWithSuggestion() {
        #expect(rendered("train net on old opt adma") == """
            error: `opt` needs one of `sgd`, `adam`, `adamw`
              train net on old opt adma
                                   ^~~~
            did you mean `adam`?
            """)
    }

    @Test func missingRequiredOptionPointsWhereItGoes() {
        #expect(rendered("train net epochs 3") == """
            error: `train` needs `on <data>`: the data to learn from
              train net epochs 3
                                ^
            usage: train <model> on <data> [options]
            """)
    }

    @Test func missingArgument() {
        #expect(rendered("freeze") == """
            error: `freeze` needs <layers>: models, layers or globs to freeze
              freeze
                    ^
            usage: freeze <layers>... [options]
            """)
    }

    @Test func repeatedOptionShowsBothPlaces() {
        #expect(rendered("train net on old epochs 3 epochs 4") == """
            error: `epochs` is given twice
              train net on old epochs 3 epochs 4
                                        ^~~~~~
            note: first given here
              train net on old epochs 3 epochs 4
                               ^~~~~~
            """)
    }

    @Test func unclosedCallWithNote() {
        #expect(rendered("expect accuracy(net old) > 0.9") == """
            error: expected `,` or `)`, found `old`
              expect accuracy(net old) > 0.9
                                  ^~~
            note: the `(` opened here
              expect accuracy(net old) > 0.9
                             ^
            """)
    }

    @Test func scriptsNumberTheirLines() {
        #expect(rendered("seed 7\nnet = mlp 64 10\n\nfrezee net.0  # oops\ntrain net on\n") == """
            line 4: error: unknown command `frezee`
              frezee net.0  # oops
              ^~~~~~
            did you mean `freeze`?

            line 5: error: `on` needs a value: a dataset's name
              train net on
                        ^~
            """)
    }

    @Test func namedSourcesUseFileLineColumn() {
        #expect(rendered("seed 1\nfreeze net.0 net..1", name: "03-lora.md", firstLine: 41) == """
            03-lora.md:42:17: error: this range has no start
              freeze net.0 net..1
                              ^~
            ranges look like `0..5` or `0..<5`
            """)
        #expect(rendered("  frezee", name: "03-lora.md", firstLine: 41) == """
            03-lora.md:41:3: error: unknown command `frezee`
                frezee
                ^~~~~~
            did you mean `freeze`?
            """)
    }

    @Test func caretsAlignUnderWideAndAccentedText() {
        // `ñandú` is five cells, the emoji two, the CJK word four: the caret must follow.
        #expect(rendered("ñandú = load 数据 😀") == """
            error: unexpected `😀`
              ñandú = load 数据 😀
                                ^~
            """)
        #expect(rendered("show e\u{301}·x") == """
            error: unexpected `·`
              show é·x
                    ^
            """)
    }

    @Test func tabsAndControlCharactersKeepTheCaretInPlace() {
        #expect(rendered("\tfrezee") == """
            error: unknown command `frezee`
               frezee
               ^~~~~~
            did you mean `freeze`?
            """)
        #expect(rendered("seed 1\u{7} 2") == """
            error: unexpected character U+7
              seed 1\u{FFFD} 2
                    ^
            """)
    }

    @Test func longLinesAreCutAroundTheRange() {
        let line = "freeze " + Array(repeating: "net.0", count: 40).joined(separator: " ") + " except 3"
        let renderer = DiagnosticRenderer(maximumWidth: 40)
        let text = renderer.render(Script(line).diagnostics, in: SourceFile(line))
        #expect(text == """
            error: `except` needs a model or a layer path
              …0 net.0 net.0 net.0 net.0 net.0 except 3
                                                      ^
            """)
    }

    @Test func stylingWrapsEachPart() {
        let renderer = DiagnosticRenderer { text, part in
            switch part {
            case .severity: "<b>\(text)</b>"
            case .caret: "<red>\(text)</red>"
            default: text
            }
        }
        let script = Script("frezee")
        #expect(renderer.render(script.diagnostics, in: script.source) == """
            <b>error:</b> unknown command `frezee`
              frezee
            <red>  ^~~~~~</red>
            did you mean `freeze`?
            """)
    }
}
