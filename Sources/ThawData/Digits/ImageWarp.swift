import Foundation

/// Geometric transforms of small grey images: the shifts, rotations and scalings behind both
/// the digit domain shifts and augmentation.
///
/// Each output pixel looks up where it came from (the inverse transform) and reads the input
/// there with bilinear interpolation; anything outside the image is paper (0). Mapping
/// backwards leaves no holes, which mapping forwards would.
struct ImageWarp {
    /// Rotation in degrees, counterclockwise as seen on screen.
    var degrees: Float = 0
    /// Zoom about the centre: 1.1 makes the digit 10% larger.
    var scale: Float = 1
    /// Translation in pixels: positive `dx` moves right, positive `dy` moves down.
    var dx: Float = 0, dy: Float = 0

    /// Writes the warped `source` image (height × width, row-major) into `target`.
    func apply(_ source: UnsafeBufferPointer<Float>, into target: UnsafeMutableBufferPointer<Float>,
               height: Int, width: Int) {
        let (cosine, sine) = ImageWarp.cosSin(degrees)
        // Pixel centres sit at integers; the image's centre is between the middle pixels.
        let cx = Float(width - 1) / 2, cy = Float(height - 1) / 2
        for row in 0..<height {
            for col in 0..<width {
                // Undo the translation, then the zoom, then the rotation (its transpose).
                let x = (Float(col) - cx - dx) / scale
                let y = (Float(row) - cy - dy) / scale
                let sx = x * cosine - y * sine + cx
                let sy = x * sine + y * cosine + cy
                target[row * width + col] = ImageWarp.bilinear(source, sx, sy, height: height, width: width)
            }
        }
    }

    /// Exact values at multiples of 90°, so a 90° rotation moves pixels without blurring them.
    static func cosSin(_ degrees: Float) -> (Float, Float) {
        let turns = Double(degrees) / 90
        if turns == turns.rounded() {
            switch ((Int(turns) % 4) + 4) % 4 {
            case 0: return (1, 0)
            case 1: return (0, 1)
            case 2: return (-1, 0)
            default: return (0, -1)
            }
        }
        let radians = Double(degrees) * .pi / 180
        return (Float(cos(radians)), Float(sin(radians)))
    }

    /// The image's value at a fractional position, 0 outside.
    static func bilinear(_ image: UnsafeBufferPointer<Float>, _ x: Float, _ y: Float,
                         height: Int, width: Int) -> Float {
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        let fx = x - Float(x0), fy = y - Float(y0)
        func at(_ r: Int, _ c: Int) -> Float {
            r >= 0 && r < height && c >= 0 && c < width ? image[r * width + c] : 0
        }
        let top = at(y0, x0) * (1 - fx) + (fx > 0 ? at(y0, x0 + 1) * fx : 0)
        guard fy > 0 else { return top }
        let bottom = at(y0 + 1, x0) * (1 - fx) + (fx > 0 ? at(y0 + 1, x0 + 1) * fx : 0)
        return top * (1 - fy) + bottom * fy
    }
}
