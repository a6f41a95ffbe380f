import Foundation
import Testing
import ThawLab
import ThawTune

/// The session refuses, before allocating or training, what would go over its budget, and
/// says what it would need and how to raise the budget.
@Suite struct SessionBudgetTests {
    func refusal(_ session: Session, _ line: String) -> String {
        let outputs = session.evaluate(line)
        #expect(LabFixture.isError(outputs), "`\(line)` should be refused")
        return LabFixture.text(outputs)
    }

    @Test func theModelsFoundOnTheOldCodeAreRefusedBeforeTheyAreBuilt() {
        let session = LabFixture.session()
        let before = session.workspaceBytes
        let gpt = refusal(session, "big = gpt on words layers 24 width 1024 context 512")
        #expect(gpt.contains("302.9 M parameters") && gpt.contains("budget memory"), "\(gpt)")
        let wide = "big = mlp 64 " + String(repeating: "4096 ", count: 100) + "10"
        let mlp = refusal(session, wide)
        #expect(mlp.contains("1.7 G parameters") && mlp.contains("GiB"), "\(mlp)")
        // Nothing was allocated or bound.
        #expect(!session.names.contains("big") && session.workspaceBytes == before)
    }

    @Test func budgetMemoryRaisesTheLimit() {
        let session = Session()
        _ = session.run("budget memory 64")
        // 4.3 M parameters: 83 MiB to train with Adam (20 bytes a parameter), over 64 MiB.
        let message = refusal(session, "net = mlp 64 2048 2048 10")
        #expect(message.contains("83 MiB") && message.contains("`budget memory 84`"), "\(message)")
        #expect(!LabFixture.isError(session.evaluate("budget memory 84; net = mlp 64 2048 2048 10")))
        let shown = LabFixture.text(session.evaluate("budget"))
        #expect(shown.contains("84 MiB") && shown.contains("17 MiB"), "\(shown)")  // 4.3 M weights in use
    }

    @Test func theWorkspaceCountsTowardsTheBudget() {
        let session = Session()
        _ = session.run("budget memory 96")  // room for one of these models (83 MiB), not two
        #expect(!LabFixture.isError(session.evaluate("a = mlp 64 2048 2048 10")))
        let message = refusal(session, "b = mlp 64 2048 2048 10")
        #expect(message.contains("the workspace already holds 17 MiB"), "\(message)")
        // Rebuilding under the same name replaces the old model, so it fits.
        #expect(!LabFixture.isError(session.evaluate("a = mlp 64 2048 2048 10")))
    }

    @Test func aStepTooLongForCtrlCIsRefusedWithTheBatchToBlame() {
        let session = LabFixture.session()
        #expect(!LabFixture.isError(session.evaluate("wide = gpt on words width 1024 layers 1")))
        let message = refusal(session, "train wide on words batch 64")
        #expect(message.contains("one step of `wide`") && message.contains("use a smaller `batch`"), "\(message)")
        #expect(message.contains("batch 64\n") || message.contains("^"), "the caret points at the batch: \(message)")
    }

    @Test func aRunLongerThanTheSessionAllowsSaysHowLongAndHowToRaiseIt() {
        let session = LabFixture.session()
        _ = session.run("wide = mlp 64 1024 1024 10")
        let message = refusal(session, "train wide on digits epochs 1000")
        #expect(message.contains("minutes of compute") && message.contains("`budget minutes"), "\(message)")
        // After raising it, the same line gets past the budget (stopped at once by the interrupt).
        session.interruptCheck = { true }
        _ = session.run("budget minutes 600")
        #expect(!LabFixture.isError(session.evaluate("train wide on digits epochs 1000")))
    }

    @Test func budgetShowsTheLimitsAndTheWorkspace() {
        let shown = LabFixture.text(Session().evaluate("budget"))
        #expect(shown.contains("2048 MiB") && shown.contains("10 minutes"), "\(shown)")
    }
}
