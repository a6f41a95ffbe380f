import Testing
import ThawLang

@Suite("Tab completion")
struct CompletionTests {
    let names = ["net", "new", "old", "pre", "digits"]
    let paths = ["net.0", "net.0.weight", "net.0.bias", "net.1", "net.1.weight", "net.head", "net.head.weight"]

    func complete(_ line: String) -> [String] {
        CommandCatalog.completions(for: line, cursor: line.utf8.count, names: names, layerPaths: paths)
    }

    @Test func commandsAtTheStartOfAStatement() {
        #expect(complete("fre") == ["freeze"])
        #expect(complete("ex") == ["exit", "expect", "export"])
        #expect(complete("x = fr") == ["freeze"])
        #expect(complete("a, b = sp") == ["split"])
        #expect(complete("seed 1; unf") == ["unfreeze"])
        #expect(complete("").count == CommandCatalog.namesAndAliases.count)
    }

    @Test func optionsAndValuesAfterTheVerb() {
        #expect(complete("train net on old ep") == ["epochs"])
        #expect(complete("train net on old opt ") == ["adam", "adamw", "sgd"])
        #expect(complete("train net on old opt a") == ["adam", "adamw"])
        #expect(complete("train net on ") == ["digits", "net", "new", "old", "pre"])
        #expect(complete("train net on o") == ["old"])
        #expect(complete("train n") == ["net", "new"])
        // Options already given are not offered again.
        #expect(!complete("train net on old epochs 3 ").contains("epochs"))
        #expect(complete("train net on old epochs 3 ").contains("lr"))
        // After a number, the option is complete: offer options, not values.
        #expect(!complete("train net on old epochs 3 ").contains("net"))
    }

    @Test func repeatingOptionsOfferMoreValuesAndOptions() {
        #expect(complete("eval net on old ") == ["confusion", "digits", "net", "new", "old", "pre"])
        #expect(complete("eval net on old conf") == ["confusion"])
    }

    @Test func flagsOfferOnOff() {
        #expect(complete("eval net on old confusion o") == ["off", "on"])
    }

    @Test func layerPathsCompleteOneSegmentAtATime() {
        #expect(complete("freeze net.") == ["net.0", "net.1", "net.head"])
        #expect(complete("freeze net.h") == ["net.head"])
        #expect(complete("freeze net.0.") == ["net.0.bias", "net.0.weight"])
        #expect(complete("freeze net.0 except net.") == ["net.0", "net.1", "net.head"])
        #expect(complete("lora n") == ["net", "new"])
    }

    @Test func expressionsOfferFunctionsAndNames() {
        #expect(complete("expect acc") == ["accuracy"])
        #expect(complete("expect accuracy(n") == ["net", "new"])
        #expect(complete("expect accuracy(net, o") == ["old"])
        #expect(complete("expect frozen(net.") == ["net.0", "net.1", "net.head"])
        #expect(complete("expect accuracy(a, b) == accuracy(c, d) wi") == ["within"])
        #expect(complete("select digits where lab").isEmpty)
        #expect(complete("select digits where label < 5 ta") == ["take"])
    }

    @Test func helpAndKnownValues() {
        #expect(complete("help fre") == ["freeze"])
        #expect(complete("help acc") == ["accuracy"])
        #expect(complete("load d") == ["digits"])
        #expect(complete("plot l") == ["log", "loss", "lr"])
    }

    @Test func nothingInsideStringsCommentsOrNumbers() {
        #expect(complete(#"save net "ru"#).isEmpty)
        #expect(complete("seed 1 # fre").isEmpty)
        #expect(complete("train net on old epochs 1").isEmpty)
        #expect(complete("bogus ").isEmpty)
    }

    @Test func theReplacedRangeIsTheWordBeforeTheCursor() {
        let line = "freeze net.he more"
        let result = Completer.complete(line, cursor: 13, names: names, layerPaths: paths)
        #expect(result.replacing == 7..<13)
        #expect(result.candidates == ["net.head"])
        // The cursor is clamped and moved off the middle of a multi-byte character.
        let odd = Completer.complete("ñ", cursor: 1, names: [], layerPaths: [])
        #expect(odd.replacing.upperBound == 0)
        #expect(Completer.complete("seed", cursor: 999, names: [], layerPaths: []).candidates == ["seed"])
        #expect(Completer.complete("seed", cursor: -3, names: [], layerPaths: []).replacing == 0..<0)
    }
}
