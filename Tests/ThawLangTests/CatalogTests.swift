import Testing
import ThawLang

@Suite("Command catalogue")
struct CatalogTests {
    @Test func coversTheCommandsTheCourseNeeds() {
        let needed = ["seed", "load", "select", "split", "mlp", "cnn", "gpt", "pretrained", "show", "train",
                      "eval", "sample", "freeze", "unfreeze", "lr", "lora", "adapter", "prompt", "bitfit",
                      "merge", "snapshot", "restore", "compare", "diff", "plot", "expect", "save", "help",
                      "reset", "quit", "lessons", "next", "hint", "check", "predict"]
        for name in needed {
            #expect(CommandCatalog.lookup(name) != nil, "missing \(name)")
        }
    }

    @Test func namesAliasesAndOptionsAreUnique() {
        let words = CommandCatalog.namesAndAliases
        #expect(Set(words).count == words.count)
        for spec in CommandCatalog.all {
            let keys = spec.options.flatMap { [$0.name] + $0.aliases }
            #expect(Set(keys).count == keys.count, "\(spec.name) repeats an option")
            // An option named like a boolean word could hardly be told apart from a value;
            // `on` (the preposition of `train net on old`) is the one exception, and keys
            // always win over values.
            #expect(keys.allSatisfy { $0 == "on" || !CommandCatalog.reservedWords.contains($0) }, "\(spec.name)")
        }
        let functions = CommandCatalog.functions.map(\.name)
        #expect(Set(functions).count == functions.count)
    }

    @Test func argumentListsAreWellFormed() {
        for spec in CommandCatalog.all {
            // `Command.value(_:)` looks a name up among options and arguments alike.
            let optionNames = Set(spec.options.flatMap { [$0.name] + $0.aliases })
            #expect(spec.arguments.allSatisfy { !optionNames.contains($0.name) }, "\(spec.name)")
            // Only the last argument may repeat, and no required one follows an optional one.
            #expect(spec.arguments.dropLast().allSatisfy { !$0.repeats }, "\(spec.name)")
            let firstOptional = spec.arguments.firstIndex { !$0.isRequired } ?? spec.arguments.count
            #expect(spec.arguments[firstOptional...].allSatisfy { !$0.isRequired }, "\(spec.name)")
        }
    }

    @Test func everyCommandHasHelpAndExamplesThatValidate() throws {
        for spec in CommandCatalog.all {
            #expect(!spec.summary.isEmpty && !spec.examples.isEmpty, "\(spec.name)")
            let help = try #require(CommandCatalog.help(for: spec.name))
            #expect(help.hasPrefix("\(spec.name) — \(spec.summary)"))
            #expect(help.contains("usage: \(spec.usage)"))
            for option in spec.options { #expect(help.contains(option.usage), "\(spec.name) \(option.name)") }
            for example in spec.examples {
                let script = Script(example)
                #expect(script.diagnostics.isEmpty, "\(example)\n\(script.renderedDiagnostics())")
                #expect(script.statements.first?.command.name == spec.name, "\(example)")
            }
            for alias in spec.aliases { #expect(CommandCatalog.help(for: alias) == help) }
        }
    }

    @Test func everyExampleRoundTripsThroughItsDescription() {
        for example in CommandCatalog.all.flatMap(\.examples) + CommandCatalog.functions.map(\.example) {
            let printed = Script(example).statements.map(\.description).joined(separator: "; ")
            #expect(Script(printed).statements.map(\.description).joined(separator: "; ") == printed, "\(example)")
        }
    }

    @Test func everyFunctionHasHelpAndAnExampleThatValidates() throws {
        for function in CommandCatalog.functions {
            let help = try #require(CommandCatalog.help(for: function.name))
            #expect(help.hasPrefix(function.signature))
            let script = Script(function.example)
            #expect(script.diagnostics.isEmpty, "\(function.example)\n\(script.renderedDiagnostics())")
            #expect(script.renderedDiagnostics().isEmpty)
        }
    }

    @Test func defaultsHaveTheirOptionsForm() {
        // A default must be something the user could have typed: it is parsed by the same rules.
        for spec in CommandCatalog.all {
            for option in spec.options {
                guard let text = option.defaultValue, !option.repeats else { continue }
                let script = Script("\(spec.name) \(spec.examplePositionals) \(option.name) \(text) \(spec.requiredOptionsExample)")
                #expect(!script.diagnostics.contains { $0.message.contains("`\(option.name)`") },
                        "\(spec.name) \(option.name) \(text): \(script.renderedDiagnostics())")
            }
        }
    }

    @Test func usageLines() {
        #expect(CommandCatalog.lookup("train")?.usage == "train <model> on <data> [options]")
        #expect(CommandCatalog.lookup("freeze")?.usage == "freeze <layers>... [options]")
        #expect(CommandCatalog.lookup("show")?.usage == "show [<what>] [options]")
        #expect(CommandCatalog.lookup("plot")?.usage == "plot loss|accuracy|lr|forgetting|gradnorm [options]")
        #expect(CommandCatalog.lookup("compare")?.usage == "compare <first> <second> on <data>...")
        #expect(CommandCatalog.lookup("reset")?.usage == "reset")
    }

    @Test func helpForFreeze() {
        #expect(CommandCatalog.help(for: "freeze") == """
            freeze — stop training some layers

            usage: freeze <layers>... [options]

            arguments:
              <layers>...         models, layers or globs to freeze

            options:
              except <layers>...  leave these trainable

            A frozen parameter gets no gradient at all, so freezing also makes training
            cheaper.

            examples:
              freeze net.0 net.1
              freeze net except net.head
              freeze lm.blocks.*.attn
            """)
        #expect(CommandCatalog.help(for: "frezee") == nil)
    }

    @Test func longOptionEntriesMoveTheirDescriptionDown() throws {
        let help = try #require(CommandCatalog.help(for: "train"))
        #expect(help.contains("""
              schedule constant|linear|cosine|onecycle|stlr
                                      how the rate changes over the run: `cosine` falls
                                      along half a cosine, `onecycle` is Smith's one-cycle
                                      (up over the first quarter, then down), `stlr` is
                                      ULMFiT's slanted triangle (default constant)
            """))
        #expect(help.contains("  epochs <n>              passes over the data (default 1, at most 10000)"))
    }

    @Test func overviewListsEveryCommandOnce() {
        let overview = CommandCatalog.helpOverview()
        for spec in CommandCatalog.all {
            #expect(overview.contains("  \(spec.name) "), "\(spec.name)")
        }
        #expect(overview.contains("accuracy, loss"))
    }
}

extension CommandSpec {
    /// Plausible positionals for trying out an option: one valid value per required argument.
    var examplePositionals: String {
        arguments.filter(\.isRequired).map { argument in
            switch argument.type {
            case .integer, .count: "3"
            case .fraction, .number: "0.5"
            case .file, .text: "\"x\""
            case .condition, .expression: "frozen(net)"
            case .choice(let words): words[0]
            case .topic: "train"
            default: "net"
            }
        }.joined(separator: " ")
    }

    var requiredOptionsExample: String {
        options.filter(\.isRequired).map { "\($0.name) \($0.type == .snapshot ? "s" : "d")" }.joined(separator: " ")
    }
}
