import Foundation
import Testing
import ThawLab
import ThawTune

/// `lrfind`: a sweep on a copy, its curve, its suggestion, and its mistakes.
@Suite struct RateFinderTests {
    func sweep(_ s: Session, _ name: String) throws -> RateSweep {
        guard case let .sweep(f)? = s.workspace[name] else { throw Missing() }
        return f
    }
    struct Missing: Error {}

    func printed(_ s: Session, _ expression: String) -> String {
        LabFixture.text(s.run("print \(expression)").outputs)
    }

    @Test func theSweepLeavesTheModelAsItWas() throws {
        let s = LabFixture.session()
        let before = printed(s, "loss(net, old)")
        let outputs = s.run("f = lrfind net on old").outputs
        #expect(!LabFixture.isError(outputs), "\(LabFixture.text(outputs))")
        #expect(printed(s, "loss(net, old)") == before)
        #expect(printed(s, "steps(net)") == "steps(net) = 0")
    }

    @Test func theRateGrowsExponentiallyAndTheSweepStopsWhenTheLossBlowsUp() throws {
        let s = LabFixture.session()
        _ = s.run("f = lrfind net on old end 100")
        let f = try sweep(s, "f")
        #expect(f.rates.first == 1e-6)
        for i in 1..<f.rates.count { #expect(abs(f.rates[i] / f.rates[i - 1] - pow(1e8, 1.0 / 99)) < 1e-9) }
        // The stop rule: every smoothed loss but a blown-up last one stays within 4× the lowest.
        // (Whether this small fixture net blows up before the 100th step depends on the data;
        // lesson 13's checks show the blow-up on the digits.)
        let low = try #require(f.minimumLoss)
        #expect(f.smoothed.dropLast().allSatisfy { $0 <= 4 * low })
        if f.blewUp {
            #expect(f.rates.count < 100 && f.smoothed.last! > 4 * low)
        } else {
            #expect(f.rates.count == 100 && f.smoothed.last! <= 4 * low)
        }
        // The smoothed loss is the bias-corrected moving average of the raw losses.
        var average = 0.0
        for (i, loss) in f.losses.enumerated() {
            average = 0.98 * average + 0.02 * loss
            #expect(abs(f.smoothed[i] - average / (1 - pow(0.98, Double(i + 1)))) < 1e-9)
        }
    }

    @Test func theSuggestionIsTheMinimumOverTenAndReadsBack() throws {
        let s = LabFixture.session()
        let text = LabFixture.text(s.run("f = lrfind net on old steps 50 start 1e-5 end 10").outputs)
        let f = try sweep(s, "f")
        let minimum = try #require(f.minimumRate), suggestion = try #require(f.suggestion)
        #expect(suggestion == minimum / 10)
        #expect(text.contains("plot learning-rate sweep of net") && text.contains("suggestion"))
        #expect(s.run("expect suggestion(f) == minimum(f) / 10 within 1e-12").outputs.allSatisfy { if case let .check(c) = $0 { c.passed } else { true } })
        #expect(LabFixture.text(s.run("show f").outputs).contains("plot learning-rate sweep"))
        var plot: Plot?
        for case let .plot(p) in s.run("show f").outputs { plot = p }
        #expect(plot?.logX == true && plot?.series.first?.points.count == f.rates.count)
    }

    @Test func sgdAndAdamSweepsDiffer() throws {
        let s = LabFixture.session()
        _ = s.run("a = lrfind net on old")
        _ = s.run("b = lrfind net on old opt sgd momentum 0.5 batch 16")
        #expect(try sweep(s, "a").losses != sweep(s, "b").losses)
    }

    @Test(arguments: [
        ("f = lrfind net on old start 1 end 1e-3", "`start` (1) must be below `end` (0.001)"),
        ("f = lrfind net on old steps 1", "`steps`"),
        ("f = lrfind net on old end 0", "`end`"),
        ("f = lrfind old on net", "`old` is a dataset, not a model"),
        ("f = lrfind net", "`lrfind` needs `on <data>`"),
        ("f = lrfind lm on old", "language model"),
        ("print suggestion(net)", "`net` is a model, not a learning-rate sweep"),
        ("print minimum(nothing)", "there is no `nothing`"),
    ])
    func mistakesGetAMessage(line: String, message: String) {
        let s = LabFixture.session()
        let text = LabFixture.text(s.run(line).outputs)
        #expect(text.contains(message), "\(line) → \(text)")
    }
}
