import Foundation
import ThawData

/// Writes `bytes` to a fresh file in its own temporary folder (tests run in parallel).
func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("thaw-data-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

func temporaryFile(_ name: String, _ text: String) throws -> URL {
    try temporaryFile(name, Array(text.utf8))
}

/// Seconds taken by `body`, for the load-time notes the tests print (never asserted on).
func seconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func milliseconds(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

/// The digits' class counts in the UCI test split that scikit-learn ships.
let digitClassCounts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
