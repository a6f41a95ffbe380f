import Testing
import ThawLab

/// What `plot lr` and `train` say about the rates each layer group actually trained with.
@Suite struct RateReportingTests {
    func plot(_ s: Session, _ line: String) -> Plot? {
        for case let .plot(p) in s.run(line).outputs { return p }
        return nil
    }

    func series(_ p: Plot?, _ name: String) -> [Double] {
        p?.series.first { $0.name == name }?.points.map(\.y) ?? []
    }

    @Test func aFrozenGroupHasNoRate() throws {
        let s = LabFixture.session()
        _ = s.run("freeze net except net.head")
        _ = s.run("r = train net on new steps 8 lr 1e-2")
        let p = try #require(plot(s, "plot lr of r"))
        #expect(series(p, "0") == Array(repeating: 0, count: 8))
        #expect(series(p, "head").allSatisfy { $0 > 0 })
    }

    @Test func gradualUnfreezingStartsEachGroupLater() throws {
        let s = LabFixture.session()
        // `new` has 630 examples: 20 steps an epoch; groups 0, 1, head.
        _ = s.run("r = train net on new epochs 3 unfreeze gradual")
        let p = try #require(plot(s, "plot lr of r"))
        let head = series(p, "head"), middle = series(p, "1"), bottom = series(p, "0")
        #expect(head.count == 60 && head.allSatisfy { $0 > 0 })
        #expect(middle.prefix(20).allSatisfy { $0 == 0 } && middle.dropFirst(20).allSatisfy { $0 > 0 })
        #expect(bottom.prefix(40).allSatisfy { $0 == 0 } && bottom.dropFirst(40).allSatisfy { $0 > 0 })
    }

    @Test func trainSaysWhenItsRateIsNotUsed() {
        let s = LabFixture.session()
        _ = s.run("lr net 1e-2 decay 2")
        let text = LabFixture.text(s.run("train net on new steps 2 lr 3e-2").outputs)
        #expect(text.contains("`lr 0.03` was not used") && text.contains("0.0025, 0.005, 0.01"))
        let plain = LabFixture.text(s.run("train net on new steps 2").outputs)
        #expect(!plain.contains("was not used"))
    }
}
