import Testing
import ThawLab

/// Deep MLPs in the shell: `mlp … init … norm … residual`, `plot gradnorm`, `gradratio`, `clip`.
@Suite struct DeepNetTests {
    static let deep = "64 16 16 16 16 16 16 16 16 10"

    func printed(_ s: Session, _ expression: String) -> Double? {
        // `print e` shows `e = value`.
        LabFixture.text(s.run("print \(expression)").outputs).components(separatedBy: " = ").last
            .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test func aResidualNetShowsItsBlocks() {
        let s = LabFixture.session()
        _ = s.run("d = mlp \(Self.deep) init kaiming norm layer residual")
        let text = LabFixture.text(s.run("show d").outputs)
        #expect(text.contains("d.1.norm.weight") && text.contains("d.1.linear.weight") && text.contains("d.0.weight"))
    }

    @Test func sigmoidWithNaiveInitLosesItsGradientOnTheWayDown() throws {
        let s = LabFixture.session()
        _ = s.run("sig = mlp \(Self.deep) activation sigmoid init normal")
        _ = s.run("a = train sig on old steps 5 opt sgd lr 0.01")
        _ = s.run("res = mlp \(Self.deep) init kaiming norm layer residual")
        _ = s.run("b = train res on old steps 5 opt sgd lr 0.01")
        let vanishing = try #require(printed(s, "gradratio(a)")), healthy = try #require(printed(s, "gradratio(b)"))
        #expect(vanishing < 1e-4 && healthy > 0.05, "\(vanishing) \(healthy)")
    }

    @Test func gradnormPlotsTheBottomMiddleAndTopGroupsEveryStep() throws {
        let s = LabFixture.session()
        _ = s.run("d = mlp \(Self.deep) init kaiming")
        _ = s.run("r = train d on old steps 12 clip 1")
        var plot: Plot?
        for case let .plot(p) in s.run("plot gradnorm of r log").outputs { plot = p }
        let p = try #require(plot)
        #expect(p.series.map(\.name) == ["group 0", "group 4", "group head"])
        #expect(p.series.allSatisfy { $0.points.count == 12 && $0.points.allSatisfy { $0.y > 0 } })
        #expect(printed(s, "clip(r)") == 1)
        _ = s.run("q = train d on old steps 2")
        #expect(printed(s, "clip(q)") == 0)
    }

    @Test(arguments: [
        ("d = mlp 64 16 32 10 residual", "the hidden layers must share one width: 16, 32 do not"),
        ("d = mlp 64 16 10 init he", "`init` needs one of `uniform`, `normal`, `xavier`, `kaiming`"),
        ("d = mlp 64 16 10 norm batch", "`norm` needs one of `none`, `layer`"),
        ("print gradratio(net)", "`net` is a model, not a run"),
        ("print clip(digits)", "`digits` is a dataset, not a run"),
    ])
    func mistakesGetAMessage(line: String, message: String) {
        let s = LabFixture.session()
        let text = LabFixture.text(s.run(line).outputs)
        #expect(text.contains(message), "\(line) → \(text)")
    }
}
