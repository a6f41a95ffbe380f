import Foundation
import Testing
import ThawData
import ThawTensor

/// How long the data a lesson uses takes to load, printed for docs/data.md and never asserted
/// on (timings depend on the machine and on what else runs). Run alone for clean numbers:
/// `swift test --filter LoadTimeTests`.
@Suite("Load times (printed, not asserted)", .serialized)
struct LoadTimeTests {
    @Test func whatALessonLoads() throws {
        var rng = RNG(seed: 0)
        var rows: [(String, Double)] = []
        func time<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
            let (result, s) = try seconds(body)
            rows.append((what, s))
            return result
        }
        let folder = try DatasetsFolder.locate()
        let raw = try Data(contentsOf: folder.appendingPathComponent("digits.csv.gz"))
        _ = try time("gunzip digits.csv.gz (57 KB → 265 KB)") { try Inflate.gunzip([UInt8](raw)) }
        let digits = try time("Digits.load()") { try Digits.load() }
        let split = time("stratifiedSplit(train: 0.7, seed: 0)") { digits.stratifiedSplit(train: 0.7, seed: 0) }
        _ = time("test.noisy(sigma: 0.35)") { split.test.noisy(sigma: 0.35, rng: &rng) }
        _ = time("train.rotated(degrees: 90)") { split.train.rotated(degrees: 90) }
        _ = time("train.fewShot(k: 5)") { split.train.fewShot(k: 5, rng: &rng) }
        _ = time("one epoch of batches of 32 (train)") { train(split.train, &rng) }
        _ = try time("Words.load(.english)") { try Words.load(.english) }
        _ = try time("Words.load(.spanish)") { try Words.load(.spanish) }
        _ = try time("Words.languageID(count: 4000)") { try Words.languageID(count: 4000, rng: &rng) }
        _ = try time("Words.charLM(.english)") { try Words.charLM(.english) }
        let total = rows.reduce(0) { $0 + $1.1 }
        print("[load time] \(rows.map { "\n  \($0.0.padded(44)) \(milliseconds($0.1))" }.joined())"
              + "\n  \("total".padded(44)) \(milliseconds(total))")
        #expect(digits.count == 1797)
    }

    func train(_ data: Dataset, _ rng: inout RNG) -> Int {
        var n = 0
        for (_, y) in data.batches(size: 32, shuffle: &rng) { n += y.count }
        return n
    }
}

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
