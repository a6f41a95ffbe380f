import Foundation
import Testing
import ThawLab

/// Ctrl-C is seen between training steps, and the budget keeps every step short, so even the
/// largest models the default budget allows get back to the prompt within about a second.
@Suite struct InterruptLatencyTests {
    /// The largest models of each kind the default budget accepts (a step each is just under
    /// `SessionBudget.stepFLOPs`), trained one example per step: the most per-step work allowed.
    /// Each with a slightly larger model that the budget refuses.
    static let largest = [
        ("digits = load digits; net = mlp 64 4096 4096 4096 10", "train net on digits steps 1000 batch 1",
         "bigger = mlp 64 4096 4096 4096 4096 10"),
        ("words = load english; net = gpt on words width 1024 layers 1", "train net on words steps 1000 batch 1",
         "bigger = gpt on words width 1024 layers 2"),
    ]

    @Test(arguments: largest)
    func ctrlCStopsTheLargestAllowedModelWithinASecond(setup: String, train: String, bigger: String) {
        let session = Session()
        #expect(!LabFixture.isError(session.evaluate(setup)), "the default budget accepts `\(setup)`")
        #expect(LabFixture.isError(session.evaluate(bigger)), "the default budget refuses `\(bigger)`")
        // The "press" lands 1.5 s into the run, mid-step; what counts is how long after it
        // `train` returns: the rest of that step, and the run's wrap-up. A step of these
        // models takes about 0.3 s on this 2-core machine (docs/shell.md); the bound is 3 s so
        // that a machine busy with a build still passes, where the old code waited about 30 s
        // for one step of the largest model it accepted.
        let pressed = Date().addingTimeInterval(1.5)
        session.interruptCheck = { Date() >= pressed }
        let outputs = session.evaluate(train)
        let latency = Date().timeIntervalSince(pressed)
        let text = LabFixture.text(outputs)
        #expect(text.contains("stopped early") && text.contains("interrupted"), "\(text)")
        #expect(latency < 3, "train returned \(latency) s after Ctrl-C")
    }

    /// Measuring is interruptible too: `eval` (and `accuracy(…)` in `expect`) works in batches
    /// sized so that one is about a training step's arithmetic, and checks between batches.
    @Test(arguments: [
        ("digits = load digits; net = mlp 64 4096 4096 4096 10", "eval net on digits"),
        ("words = load english; net = gpt on words width 1024 layers 1", "print accuracy(net, words)"),
    ])
    func ctrlCStopsMeasuringTheLargestAllowedModel(setup: String, measure: String) {
        let session = Session()
        #expect(!LabFixture.isError(session.evaluate(setup)))
        let pressed = Date().addingTimeInterval(0.5)
        session.interruptCheck = { Date() >= pressed }
        let outputs = session.evaluate(measure)
        let latency = Date().timeIntervalSince(pressed)
        let text = LabFixture.text(outputs)
        // The whole pass would take longer than the press: it must end with the message.
        #expect(LabFixture.isError(outputs) && text.contains("interrupted while measuring"), "\(text)")
        #expect(latency < 3, "measuring returned \(latency) s after Ctrl-C")
    }
}
