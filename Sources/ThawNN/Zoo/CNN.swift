import ThawTensor

/// A small convolutional network for 8×8 images, optionally with one residual block
/// (a tiny ResNet):
///
///     conv0 3×3 1→c0, ReLU → conv1 3×3 c0→c1, ReLU → max-pool 2
///     [res: x + conv(ReLU(conv(x))), ReLU] → flatten → head Linear
///
/// Flat `[N, 64]` inputs are reshaped to `[N, 1, 8, 8]`. Groups: conv0, conv1, (res), head.
public final class CNN: Module {
    public let side: Int, channels: (Int, Int), residual: Bool
    /// The number of outputs the model was built with.
    public let classes: Int

    public var conv0: Module { child("conv0", as: Module.self) }
    public var conv1: Module { child("conv1", as: Module.self) }
    public var res: Module? { child("res") }
    /// Typed as Module, not Linear: LoRA or an adapter may have wrapped it.
    public var head: Module { child("head", as: Module.self) }

    public init(side: Int = 8, channels: (Int, Int) = (16, 32), classes: Int = 10,
                residual: Bool = false, rng: inout RNG) {
        precondition(side % 2 == 0, "CNN input side must be even (it is max-pooled by 2), got \(side)")
        self.side = side
        self.channels = channels
        self.residual = residual
        self.classes = classes
        super.init()
        addChild("conv0", Conv2d(1, channels.0, kernel: 3, padding: 1, rng: &rng))
        addChild("conv1", Conv2d(channels.0, channels.1, kernel: 3, padding: 1, rng: &rng))
        if residual { addChild("res", ResidualBlock(channels: channels.1, rng: &rng)) }
        addChild("head", Linear(channels.1 * (side / 2) * (side / 2), classes, rng: &rng))
    }

    private init(configurationOf other: CNN) {
        side = other.side
        channels = other.channels
        residual = other.residual
        classes = other.classes
        super.init()
    }

    public override func copyConfiguration() -> Module { CNN(configurationOf: self) }

    public override var outputLayerPath: String? { "head" }

    public override func forward(_ x: Tensor) -> Tensor {
        var h = x.rank == 4 ? x : x.reshaped([x.shape[0], 1, side, side])
        h = conv0(h).relu()
        h = conv1(h).relu().maxPool2d(kernel: 2, stride: 2)
        if let res { h = res(h) }
        return head(h.flattened(from: 1))
    }

    public override var summary: String { "\(channels.0)-\(channels.1)\(residual ? " +res" : "")" }
}

/// `relu(x + conv2(relu(conv1(x))))`: the skip connection lets the block start near identity.
public final class ResidualBlock: Module {
    public var conv1: Module { child("conv1", as: Module.self) }
    public var conv2: Module { child("conv2", as: Module.self) }

    public init(channels: Int, rng: inout RNG) {
        super.init()
        addChild("conv1", Conv2d(channels, channels, kernel: 3, padding: 1, rng: &rng))
        addChild("conv2", Conv2d(channels, channels, kernel: 3, padding: 1, rng: &rng))
    }

    private init(configurationOf other: ResidualBlock) { super.init() }

    public override func copyConfiguration() -> Module { ResidualBlock(configurationOf: self) }

    public override func forward(_ x: Tensor) -> Tensor {
        (x + conv2(conv1(x).relu())).relu()
    }
}
