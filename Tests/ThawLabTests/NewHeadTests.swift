import Testing
import ThawLab
import ThawNN
import ThawTensor
import ThawTune

/// `head` finds the output layer through the model, not by searching for the last Linear.
@Suite struct NewHeadTests {
    func model(_ s: Session, _ name: String) -> Module? {
        if case let .model(m)? = s.workspace[name] { m.module } else { nil }
    }

    /// The last Linear of a LoRA-wrapped head is the wrapper's `lora_B`: `head` used to replace
    /// that, the model kept its 5 outputs, and training on 10 classes tripped cross-entropy's
    /// precondition. The whole wrapper must give way to a fresh 32→10 layer.
    @Test func aNewHeadReplacesALoRAWrappedHead() {
        let s = Session()
        for line in ["seed 3", "digits = load digits", "net = mlp 64 32 5", "lora net.head rank 4", "head net 10"] {
            let outputs = s.run(line).outputs
            #expect(!LabFixture.isError(outputs), "\(line): \(LabFixture.text(outputs))")
        }
        let net = model(s, "net")
        #expect(net?.module(at: "head") is Linear, "the LoRA wrapper is gone")
        #expect(net?.loraLayers.isEmpty == true)
        #expect(net?.outputLayer?.inFeatures == 32 && net?.outputLayer?.outFeatures == 10)
        let trained = s.run("train net on digits steps 5").outputs
        #expect(!LabFixture.isError(trained), "\(LabFixture.text(trained))")
        if let net { #expect(Tensor.withoutGrad { net(Tensor.zeros([2, 64])) }.shape == [2, 10]) }
    }

    /// A model's outputs are counted at its output layer, through a LoRA wrapper.
    @Test func outputsAreCountedThroughAWrapper() {
        let s = Session()
        for line in ["seed 3", "digits = load digits", "net = mlp 64 32 5", "lora net.head rank 4"] { _ = s.run(line) }
        let text = LabFixture.text(s.run("train net on digits steps 2").outputs)
        #expect(text.contains("10 classes but the model has 5 outputs"), "\(text)")
    }
}
