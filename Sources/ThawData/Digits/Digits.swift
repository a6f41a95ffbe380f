import Foundation
import ThawTensor

/// The 8x8 handwritten digits (UCI, 1,797 images by 43 writers; see datasets/README.md).
///
/// Each pixel counts the set pixels in a 4x4 block of the original 32x32 bitmap (0...16);
/// `load` scales it to [0, 1], so that 0 is paper and 1 is ink.
public enum Digits {
    public static let fileName = "digits.csv.gz"
    public static let height = 8, width = 8
    public static let classNames = (0...9).map(String.init)

    /// How each image is shaped in the features tensor.
    public enum Layout: Sendable {
        /// [N, 64]: for MLPs.
        case flat
        /// [N, 8, 8]: rows of pixels.
        case image
        /// [N, 1, 8, 8]: one channel, for convolutions.
        case channels
    }

    /// Loads all 1,797 digits from the shipped file. `directory` is the datasets folder
    /// (see `DatasetsFolder.locate`).
    public static func load(from directory: URL? = nil, layout: Layout = .flat) throws -> Dataset {
        let url = try DatasetsFolder.file(fileName, in: directory)
        let (pixels, labels) = try parse(try TextFile.bytes(of: url), file: url.path)
        let shape: [Int]
        switch layout {
        case .flat: shape = [labels.count, height * width]
        case .image: shape = [labels.count, height, width]
        case .channels: shape = [labels.count, 1, height, width]
        }
        return Dataset(name: "digits", features: Tensor(pixels, shape: shape), labels: labels,
                       classNames: classNames, kind: .image(height: height, width: width))
    }

    /// Parses the CSV's bytes: 64 integers 0...16 then a label 0...9 per line.
    ///
    /// It works on bytes rather than splitting Strings, because per-field String work is what
    /// makes a CSV slow to read; this way the whole file parses in a few milliseconds.
    package static func parse(_ bytes: [UInt8], file: String) throws -> (pixels: [Float], labels: [Int]) {
        let fields = height * width + 1
        var pixels: [Float] = []
        var labels: [Int] = []
        pixels.reserveCapacity(1797 * 64)
        labels.reserveCapacity(1797)
        var line = 1, field = 0, value = 0, digits = 0
        func fail(_ message: String) -> DataError { DataError(.corrupt, file: file, line: line, message) }
        for byte in bytes + [0x0A] where byte != 0x0D {
            switch byte {
            case 0x30...0x39:
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                guard digits <= 3 else { throw fail("value too long in field \(field + 1)") }
            case 0x2C, 0x0A:   // a comma or the end of a line closes a field
                if byte == 0x0A && field == 0 && digits == 0 { line += 1; continue }   // a blank line
                guard digits > 0 else { throw fail("empty field \(field + 1)") }
                if field < fields - 1 {
                    guard value <= 16 else { throw fail("pixel \(value) in field \(field + 1) is above 16") }
                    pixels.append(Float(value) / 16)
                } else if field == fields - 1 {
                    guard value <= 9 else { throw fail("label \(value) is not a digit") }
                    labels.append(value)
                } else {
                    throw fail("more than \(fields) fields")
                }
                field += 1; value = 0; digits = 0
                if byte == 0x0A {
                    guard field == fields else { throw fail("\(field) fields, expected \(fields)") }
                    field = 0; line += 1
                }
            default:
                throw fail("unexpected character in field \(field + 1)")
            }
        }
        guard !labels.isEmpty else { throw DataError(.empty, file: file, "no digits in the file") }
        return (pixels, labels)
    }
}
