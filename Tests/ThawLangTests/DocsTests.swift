import Foundation
import Testing
import ThawLang

/// docs/language.md carries the command reference generated from the catalogue, between
/// two markers, so the document cannot drift from the parser. After changing the
/// catalogue, regenerate it with
///
///     THAW_REGENERATE_DOCS=1 swift test --filter DocsTests
@Suite("Language reference")
struct DocsTests {
    static let begin = "<!-- BEGIN GENERATED COMMAND REFERENCE -->\n"
    static let end = "<!-- END GENERATED COMMAND REFERENCE -->"
    static let path = String(#filePath.split(separator: "/Tests/", omittingEmptySubsequences: false)[0])
        + "/docs/language.md"

    @Test func docsMatchTheCatalogue() throws {
        let document = try #require(try? String(contentsOfFile: Self.path, encoding: .utf8), "cannot read \(Self.path)")
        let start = try #require(document.firstRange(of: Self.begin))
        let stop = try #require(document.firstRange(of: Self.end))
        let generated = String(document[start.upperBound..<stop.lowerBound])
        let expected = CommandCatalog.markdownReference()
        if generated != expected, ProcessInfo.processInfo.environment["THAW_REGENERATE_DOCS"] == "1" {
            let updated = document[..<start.upperBound] + expected + document[stop.lowerBound...]
            try updated.write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(generated == expected, "run THAW_REGENERATE_DOCS=1 swift test --filter DocsTests")
    }

    @Test func everyThawBlockInTheDocsParses() throws {
        let document = try #require(try? String(contentsOfFile: Self.path, encoding: .utf8))
        var inBlock = false, block = [String](), checked = 0
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```thaw" { inBlock = true; block = []; continue }
            if line == "```", inBlock {
                inBlock = false
                let script = Script(block.joined(separator: "\n"))
                #expect(script.diagnostics.isEmpty, "\(block)\n\(script.renderedDiagnostics())")
                checked += 1
                continue
            }
            if inBlock { block.append(String(line)) }
        }
        #expect(checked > 40)
    }
}
