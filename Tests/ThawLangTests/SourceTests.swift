import Testing
import ThawLang

@Suite("Source locations")
struct SourceTests {
    @Test func positionsCountLinesFromOneAndColumnsInCharacters() {
        let source = SourceFile("seed 7\nñandú · net")
        // "ñandú · " is 8 Characters but 11 bytes: columns must not count bytes.
        let offset = Array("seed 7\nñandú · ".utf8).count
        #expect(source.position(of: SourceLocation(offset: offset)) == SourcePosition(line: 2, column: 9))
        #expect(source.position(of: SourceLocation(offset: 0)) == SourcePosition(line: 1, column: 1))
        #expect(source.position(of: SourceLocation(offset: 7)) == SourcePosition(line: 2, column: 1))
    }

    @Test func firstLineShiftsLineNumbers() {
        let source = SourceFile("a\nb", firstLine: 40)
        #expect(source.position(of: SourceLocation(offset: 2)).line == 41)
    }

    @Test func lineTextDropsTheLineBreakAndCarriageReturn() {
        let source = SourceFile("one\r\ntwo\n")
        #expect(source.line(containing: SourceLocation(offset: 1)).text == "one")
        #expect(source.line(containing: SourceLocation(offset: 6)) == ("two", 5))
    }

    @Test func outOfRangeLocationsAreClampedNotTrapped() {
        let source = SourceFile("abc")
        #expect(source.position(of: SourceLocation(offset: 99)) == SourcePosition(line: 1, column: 4))
        #expect(source.position(of: SourceLocation(offset: -5)) == SourcePosition(line: 1, column: 1))
        #expect(source.text(in: SourceRange(1..<99)) == "bc")
    }

    @Test func singleLineIgnoresATrailingNewline() {
        #expect(SourceFile("seed 1\n").isSingleLine)
        #expect(SourceFile("").isSingleLine)
        #expect(!SourceFile("a\nb").isSingleLine)
    }

    @Test func rangesUnionAndNeverRunBackwards() {
        let a = SourceRange(2..<4), b = SourceRange(7..<9)
        #expect(a.union(b) == SourceRange(2..<9))
        #expect(SourceRange(start: SourceLocation(offset: 5), end: SourceLocation(offset: 3)).isEmpty)
    }
}
