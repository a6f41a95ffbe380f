import ThawTensor

/// Random, label-preserving changes to images, drawn afresh for every example each time:
/// shifts, small rotations, zoom, and noise. All randomness comes from the RNG passed in.
///
/// In the prototype, whole-pixel shifts *hurt* on 8x8 digits (one pixel is an eighth of the
/// image) while a mild sub-pixel affine helped a little with few labels; `onePixelShifts` and
/// `mild` are those two, for a lesson to compare.
///
/// ```swift
/// let x = Augment.mild.apply(to: batch.inputs, height: 8, width: 8, rng: &rng)
/// let bigger = train.augmented(.mild, copies: 4, rng: &rng)
/// ```
public struct Augment: Equatable, Sendable {
    /// The largest shift in pixels, each direction drawn uniformly in [−maxShift, maxShift].
    public var maxShift: Float
    /// Whole-pixel shifts only: each direction drawn from −maxShift...maxShift as integers.
    public var wholePixels: Bool
    /// The largest rotation in degrees, drawn uniformly in [−maxRotation, maxRotation].
    public var maxRotation: Float
    /// The largest relative zoom, drawn uniformly in [1 − maxScale, 1 + maxScale].
    public var maxScale: Float
    /// The standard deviation of Gaussian pixel noise (results are clipped to [0, 1]).
    public var noise: Float
    /// Move each image's marker pixel (`Marker`) to a spot drawn at random, so that it no
    /// longer tells the label: the augmentation that breaks a shortcut.
    public var redrawsMarker: Bool

    public init(maxShift: Float = 0, wholePixels: Bool = false, maxRotation: Float = 0,
                maxScale: Float = 0, noise: Float = 0, redrawsMarker: Bool = false) {
        self.maxShift = maxShift
        self.wholePixels = wholePixels
        self.maxRotation = maxRotation
        self.maxScale = maxScale
        self.noise = noise
        self.redrawsMarker = redrawsMarker
    }

    /// Shifts by −1, 0 or +1 pixel in each direction.
    public static let onePixelShifts = Augment(maxShift: 1, wholePixels: true)
    /// ±0.5 pixel, ±10°, ±10% zoom: the setting that helped at k ≤ 10 labels per class.
    public static let mild = Augment(maxShift: 0.5, maxRotation: 10, maxScale: 0.1)
    /// Small rotations only, ±15°.
    public static let smallRotations = Augment(maxRotation: 15)
    /// Gaussian noise σ = 0.1.
    public static let lightNoise = Augment(noise: 0.1)
    /// No change but the marker pixel, moved to a random spot.
    public static let randomMarker = Augment(redrawsMarker: true)

    /// Augments a batch of images: `images` has shape [N, ...] with height × width values per
    /// example; the result has the same shape.
    public func apply(to images: Tensor, height: Int, width: Int, rng: inout RNG) -> Tensor {
        let n = height * width
        precondition(images.rank >= 1 && images.count == images.shape[0] * n,
                     "\(images.shape) is not a batch of \(height)x\(width) images")
        precondition(!redrawsMarker || (height == Marker.height && width == Marker.width), "markers are drawn on 8x8 images")
        var values = [Float](repeating: 0, count: images.count)
        images.data.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                for example in 0..<images.shape[0] {
                    let range = example * n ..< (example + 1) * n
                    let out = UnsafeMutableBufferPointer(rebasing: target[range])
                    drawWarp(&rng).apply(UnsafeBufferPointer(rebasing: source[range]), into: out,
                                         height: height, width: width)
                    if noise > 0 {
                        for i in out.indices { out[i] = min(max(out[i] + noise * rng.normal(), 0), 1) }
                    }
                    if redrawsMarker { Marker.draw(rng.int(below: Marker.spots.count), into: out) }
                }
            }
        }
        return Tensor(values, shape: images.shape)
    }

    /// One example's random warp. Every parameter is drawn even when its range is zero, so
    /// that turning one knob does not reshuffle the others' random numbers.
    func drawWarp(_ rng: inout RNG) -> ImageWarp {
        var warp = ImageWarp()
        if wholePixels {
            let span = Int(maxShift)
            warp.dx = Float(rng.int(below: 2 * span + 1) - span)
            warp.dy = Float(rng.int(below: 2 * span + 1) - span)
        } else {
            warp.dx = rng.uniform(-maxShift, maxShift)
            warp.dy = rng.uniform(-maxShift, maxShift)
        }
        warp.degrees = rng.uniform(-maxRotation, maxRotation)
        warp.scale = 1 + rng.uniform(-maxScale, maxScale)
        return warp
    }
}

extension Dataset {
    /// Every image changed once, at random: what one epoch of `augment` shows the network.
    public func augmentedOnce(_ augment: Augment, rng: inout RNG) -> Dataset {
        guard case .image(let height, let width) = kind else {
            preconditionFailure("augmentation needs images, and \(name) is not")
        }
        let changed = augment.apply(to: features, height: height, width: width, rng: &rng)
        return replacingFeatures(changed, name: "\(name) augmented")
    }

    /// The dataset followed by `copies` augmented versions of it (so `copies + 1` times as
    /// many examples), each example drawn afresh.
    public func augmented(_ augment: Augment, copies: Int = 1, rng: inout RNG) -> Dataset {
        guard case .image(let height, let width) = kind else {
            preconditionFailure("augmentation needs images, and \(name) is not")
        }
        var result = self
        for _ in 0..<copies {
            let changed = augment.apply(to: features, height: height, width: width, rng: &rng)
            result = result.appending(replacingFeatures(changed), name: "\(name) augmented ×\(copies + 1)")
        }
        return result
    }
}
