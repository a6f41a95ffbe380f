import Foundation
import Testing
import ThawLab
import ThawTensor
import ThawTune

/// `search`: where its trials go, what it binds, and what it says to lines that cannot work.
@Suite struct SearchTests {
    func run(_ s: Session, _ line: String) -> String { LabFixture.text(s.run(line).outputs) }

    /// The fixture's session, with `tr` to train on and `va` to score on (digits 0 to 4).
    func session() -> Session {
        let s = LabFixture.session()
        _ = s.run("tr, va = split old 0.7")
        return s
    }

    @Test func aGridTakesTheCentresOfEqualLogBinsAndRandomDrawsInsideTheRange() {
        let space = SearchSpace([.init("lr", low: 1e-5, high: 1e-1), .init("wd", low: 1e-4, high: 1e-1)])
        #expect(space.gridSide(trials: 9) == 3 && space.gridSide(trials: 16) == 4 && space.gridSide(trials: 8) == nil)
        let grid = space.grid(side: 3)
        #expect(grid.count == 9)
        let rates = Array(Set(grid.map { $0[0] })).sorted()
        for (got, want) in zip(rates, [-13.0 / 3, -3, -5.0 / 3]) { #expect(abs(log10(got) - want) < 1e-9, "\(rates)") }
        var a = RNG(seed: 4), b = RNG(seed: 4)
        let drawn = space.random(trials: 50, rng: &a)
        #expect(drawn == space.random(trials: 50, rng: &b), "the same seed draws the same trials")
        #expect(drawn.allSatisfy { $0[0] >= 1e-5 && $0[0] <= 1e-1 && $0[1] >= 1e-4 && $0[1] <= 1e-1 })
        #expect(Set(drawn.map { $0[0] }).count == 50, "random search tries a new rate every trial")
    }

    @Test func searchBindsTheBestTrialAndLeavesTheModelAsItWas() throws {
        let s = session()
        _ = s.run("before = snapshot net")
        let text = run(s, "best = search net on tr val va steps 20 lr 1e-4 1e-1 trials 4 method grid")
        #expect(text.contains("search over lr: 4 trials (grid 4); fixed l2 0, wd 0"), "\(text)")
        #expect(text.contains("plot val accuracy of each trial"), "\(text)")
        #expect(run(s, "expect distance(net, before) == 0").contains("pass"), "the searched model is untouched")
        #expect(run(s, "expect trials(best) == 4 and trials(net) == 0 and steps(best) == 20").contains("pass"))
        guard case let .model(best)? = s.workspace["best"] else { Issue.record("no model bound"); return }
        #expect(best.runs.count == 1)
        // The bound model is the best trial: it scores the table's top accuracy on `val` again.
        let top = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasSuffix("%") }
            .compactMap { Double($0.dropLast()) }.max() ?? -1
        let printed = run(s, "print accuracy(best, va)")
        let value = try #require(Double(printed.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)))
        #expect(abs(value * 100 - top) < 0.051, "\(printed) vs \(top)%")
        #expect(value > 0.5, "\(printed)")
    }

    @Test func theSameSearchTwiceGivesTheSameTrials() {
        let s = session()
        let first = run(s, "a = search net on tr val va steps 10 lr 1e-4 1e-1 trials 3 seed 9")
        let second = run(s, "b = search net on tr val va steps 10 lr 1e-4 1e-1 trials 3 seed 9")
        #expect(first == second)
        #expect(run(s, "expect distance(a, b) == 0").contains("pass"))
    }

    @Test func badLinesSayWhatIsWrong() {
        let s = session()
        let cases = [
            ("b = search net on tr val va lr 1e-3", "nothing to search"),
            ("b = search net on tr val va lr 1e-1 1e-3", "give the lowest then the highest"),
            ("b = search net on tr val va lr 1e-4 1e-3 1e-2", "takes one number (fixed) or two"),
            ("b = search net on tr val va lr 1e-4 1e-1 wd 1e-4 1e-1 trials 8 method grid", "4, 9, 16, 25… trials, not 8"),
            ("b = search net on tr val va lr 1e-4 1e-1 epochs 2 steps 3", "give `epochs` or `steps`, not both"),
            ("b = search net on tr lr 1e-4 1e-1", "needs `val"),
            ("b = search net on tr val va lr 1e-4 1e-1 trials 1000", "`trials` of 1000 is more than Thaw allows"),
            ("b = search net on tr val va lr 1e-4 1e-1 trials 0", "`trials`"),
            ("b = search net on old val words lr 1e-4 1e-1", "words"),
        ]
        for (line, message) in cases {
            let text = run(s, line)
            #expect(text.contains(message), "\(line): \(text)")
        }
    }

    @Test func searchIsHeldToTheSessionsBudgetForAllItsTrials() {
        let s = session()
        _ = s.run("budget minutes 1")
        _ = s.run("wide = mlp 64 2048 2048 10")
        let text = run(s, "b = search wide on tr val va epochs 2000 lr 1e-4 1e-1 trials 100")
        #expect(text.contains("the session allows 1 minutes a run"), "\(text)")
    }

    @Test func ctrlCStopsTheSearchAndKeepsTheBestTrialSoFar() {
        let s = session()
        var checks = 0
        // Let the first trials finish, then "press" Ctrl-C.
        s.interruptCheck = { checks += 1; return checks > 150 }
        let text = run(s, "b = search net on tr val va steps 40 lr 1e-4 1e-1 trials 50")
        #expect(text.contains("interrupted:") && text.contains("of 50 trials ran"), "\(text)")
        #expect(run(s, "expect trials(b) < 50 and trials(b) > 0").contains("pass"))
        var none = 0
        s.interruptCheck = { none += 1; return true }
        let stopped = run(s, "c = search net on tr val va steps 40 lr 1e-4 1e-1 trials 5")
        #expect(stopped.contains("interrupted before the first trial finished"), "\(stopped)")
    }
}
