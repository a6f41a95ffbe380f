import ThawTensor

/// A 2-D convolution over NCHW images, weight `[out, in, k, k]` (PyTorch's layout and
/// default initialisation, U(±1/√(in·k·k))). Computed as im2col + one matrix product.
public final class Conv2d: Module {
    public let stride: Int, padding: Int
    public var weight: Tensor { ownParameter("weight")! }
    public var bias: Tensor? { ownParameter("bias") }
    public var inChannels: Int { weight.shape[1] }
    public var outChannels: Int { weight.shape[0] }
    public var kernel: Int { weight.shape[2] }

    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1,
                padding: Int = 0, bias: Bool = true, rng: inout RNG) {
        self.stride = stride
        self.padding = padding
        let fanIn = inChannels * kernel * kernel
        let weight = Tensor.kaimingUniform([outChannels, inChannels, kernel, kernel], fanIn: fanIn, rng: &rng)
        let bias = bias ? Tensor.kaimingUniform([outChannels], fanIn: fanIn, rng: &rng) : nil
        super.init()
        addParameter("weight", weight)
        if let bias { addParameter("bias", bias) }
    }

    private init(configurationOf other: Conv2d) {
        stride = other.stride
        padding = other.padding
        super.init()
    }

    public override func copyConfiguration() -> Module { Conv2d(configurationOf: self) }

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
    public override func copyConfiguration() -> Module { MaxPool2d(kernel, stride: stride) }
    public override func forward(_ x: Tensor) -> Tensor { x.maxPool2d(kernel: kernel, stride: stride) }
    public override var summary: String { "\(kernel)×\(kernel)" }
}
