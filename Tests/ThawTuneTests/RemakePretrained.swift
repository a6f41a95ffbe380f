import Foundation
import Testing
import ThawTune

/// The driver that remakes the shipped starting points in `datasets/pretrained/`. Disabled
/// unless `THAW_REMAKE_PRETRAINED=1`, because it trains every model (about a minute in a
/// release build); `scripts/make-pretrained.sh` runs it:
///
///     THAW_REMAKE_PRETRAINED=1 swift test -c release --filter RemakePretrained
///
/// `THAW_REMAKE_ONLY=gpt-english,mlp-digits` remakes just those.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["THAW_REMAKE_PRETRAINED"] == "1",
                "set THAW_REMAKE_PRETRAINED=1 to retrain and rewrite datasets/pretrained/"))
struct RemakePretrained {
    @Test func remakeTheShippedStartingPoints() throws {
        let only = ProcessInfo.processInfo.environment["THAW_REMAKE_ONLY"]?
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let names = only.isEmpty ? Pretrained.names : try only.map { try Pretrained.entry($0).name }
        for name in names {
            let report = try Pretrained.remake(name)
            let file = try Pretrained.file(name)
            let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            print("remade \(file.lastPathComponent) (\(bytes) bytes): \(report)")
            print("  epoch losses: \(report.epochLosses.map { String(format: "%.3f", $0) }.joined(separator: " "))")
        }
    }
}
