import ThawTensor

/// A 2-D convolution over NCHW images, weight `[out, in, k, k]` (PyTorch's layout and
/// default initialisation, U(±1/√(in·k·k))). Computed as im2col + one matrix product.
public final class Conv2d: Module {
    public let inChannels: Int, outChannels: Int, kernel: Int, stride: Int, padding: Int
    public let weight: Tensor
    public let bias: Tensor?

    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1,
                padding: Int = 0, bias: Bool = true, rng: inout RNG) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        let fanIn = inChannels * kernel * kernel
        weight = Tensor.kaimingUniform([outChannels, inChannels, kernel, kernel], fanIn: fanIn, rng: &rng)
        self.bias = bias ? Tensor.kaimingUniform([outChannels], fanIn: fanIn, rng: &rng) : nil
        super.init()
        addParameter("weight", weight)
        if let b = self.bias { addParameter("bias", b) }
    }

    public override func forward(_ x: Tensor) -> Tensor {
        x.conv2d(weight: weight, bias: bias, stride: stride, padding: padding)
    }

    public override var summary: String { "\(inChannels)→\(outChannels), \(kernel)×\(kernel)" }
}

/// Max-pooling over k×k windows (stride k unless given).
public final class MaxPool2d: Module {
    public let kernel: Int, stride: Int
    public init(_ kernel: Int, stride: Int? = nil) {
        self.kernel = kernel
        self.stride = stride ?? kernel
    }
    public override func forward(_ x: Tensor) -> Tensor { x.maxPool2d(kernel: kernel, stride: stride) }
    public override var summary: String { "\(kernel)×\(kernel)" }
}
