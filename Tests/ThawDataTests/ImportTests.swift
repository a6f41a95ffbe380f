import Foundation
import Testing
import ThawData

@Suite("A learner's own files: CSV tables and text lines")
struct ImportTests {
    /// The error loading `text` as a CSV gives, or nil if it loads.
    func csvError(_ text: String, label: CSVImport.LabelColumn = "label") throws -> DataError? {
        let url = try temporaryFile("mine.csv", text)
        do { _ = try CSVImport.load(url, label: label); return nil } catch let error as DataError {
            #expect(error.file == url.path)
            return error
        }
    }

    @Test func loadsAGoodCSV() throws {
        let url = try temporaryFile("flowers.csv", """
            length,width,species
            5.1, 3.5,setosa
            7.0,3.2,"versicolor"

            6.3,3.3,virginica\r
            4.9,3.0,setosa
            """)
        let data = try CSVImport.load(url, label: "species")
        #expect(data.name == "flowers" && data.count == 4 && data.features.shape == [4, 2])
        #expect(data.classNames == ["setosa", "versicolor", "virginica"] && data.labels == [0, 1, 2, 0])
        #expect(data.features.data == [5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0])
        #expect(data.kind == .vector && data.classCounts == [2, 1, 1])
    }

    @Test func numericLabelsHeaderlessFilesAndOtherSeparators() throws {
        let numeric = try CSVImport.load(try temporaryFile("n.csv", "x,label\n1,10\n2,2\n3,10\n"))
        #expect(numeric.classNames == ["2", "10"] && numeric.labels == [1, 0, 1])
        let headerless = try CSVImport.load(try temporaryFile("h.csv", "0.5,1,0\n0.25,2,1\n"), label: .last)
        #expect(headerless.features.data == [0.5, 1, 0.25, 2] && headerless.labels == [0, 1])
        let first = try CSVImport.load(try temporaryFile("f.csv", "cat,1,2\ndog,3,4\n"), label: .index(0))
        #expect(first.classNames == ["cat", "dog"] && first.features.data == [1, 2, 3, 4])
        let semicolons = try CSVImport.load(try temporaryFile("s.csv", "a;b;label\n1;2;x\n"))
        #expect(semicolons.features.data == [1, 2])
        let gzipped = try temporaryFile("z.csv.gz", [UInt8](Data(base64Encoded:
            "H4sIAAAAAAACA6vQqdTJSUxKzeEy1DHSSeQy1jHRSeIy1TEDsgE/k5NZHAAAAA==")!))
        #expect(try CSVImport.load(gzipped).count == 3)
    }

    @Test func raggedRow() throws {
        let error = try csvError("a,b,label\n1,2,x\n3,4\n5,6,y\n")
        #expect(error?.kind == .ragged && error?.line == 3)
        #expect(error?.message == "2 fields, but the header has 3")
        #expect(error?.description.hasSuffix("mine.csv, line 3: 2 fields, but the header has 3") == true)
    }

    @Test func nonNumericValue() throws {
        let error = try csvError("a,b,label\n1,2,x\n3,four,y\n")
        #expect(error?.kind == .notNumeric && error?.line == 3)
        #expect(error?.message == "column \"b\": \"four\" is not a number")
        #expect(try csvError("a,b,label\n1,,x\n")?.message == "column \"b\": \"\" is not a number")
        #expect(try csvError("a,b,label\n1,nan,x\n")?.kind == .notNumeric)
    }

    @Test func emptyFiles() throws {
        #expect(try csvError("")?.kind == .empty)
        #expect(try csvError("")?.message == "the file is empty")
        #expect(try csvError("\n  \n")?.kind == .empty)
        #expect(try csvError("a,b,label\n")?.message == "has a header but no data rows")
    }

    @Test func missingLabelColumn() throws {
        let error = try csvError("a,b,kind\n1,2,x\n")
        #expect(error?.kind == .missingLabel && error?.line == 1)
        #expect(error?.message == "no column named \"label\" (the columns are \"a\", \"b\", \"kind\")")
        #expect(try csvError("1,2,3\n", label: "label")?.kind == .missingLabel)
        #expect(try csvError("a,b\n1,2\n", label: .index(5))?.kind == .missingLabel)
        #expect(try csvError("a,label\n1, \n")?.message == "the label (column \"label\") is empty")
        #expect(try csvError("a,label\n1,\"x\n")?.kind == .corrupt)
    }

    @Test func unknownEncoding() throws {
        var latin1 = Array("a,label\n1,cafe\n2,".utf8)
        latin1 += [0x63, 0x61, 0x66, 0xE9, 0x0A]                 // "café" in Latin-1
        let url = try temporaryFile("latin.csv", latin1)
        #expect(throws: DataError(.encoding, file: url.path, line: 3,
                                  "byte 0xE9 (byte 6 of the line) is not UTF-8; "
                                  + "if the file is Latin-1 or Windows-1252 text, save it as UTF-8")) {
            try CSVImport.load(url)
        }
        let utf16 = try temporaryFile("wide.csv", [0xFF, 0xFE, 0x61, 0x00])
        #expect(throws: DataError(.encoding, file: utf16.path, line: 1, "the text is UTF-16; save it as UTF-8")) {
            try CSVImport.load(utf16)
        }
        let binary = try temporaryFile("pic.csv", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A])
        #expect(throws: DataError(.encoding, file: binary.path, line: 1,
                                  "contains a zero byte: this looks like a binary file, not text")) {
            try CSVImport.load(binary)
        }
        var gzip = [UInt8](Data(base64Encoded: "H4sIAAAAAAACA6vQqdTJSUxKzeEy1DHSSeQy1jHRSeIy1TEDsgE/k5NZHAAAAA==")!)
        gzip[gzip.count - 7] ^= 1                                 // damage the CRC-32
        let damaged = try temporaryFile("x.csv.gz", gzip)
        #expect(throws: DataError(.corrupt, file: damaged.path,
                                  "not a valid gzip file: CRC-32 mismatch: the data is damaged")) {
            try CSVImport.load(damaged)
        }
    }

    @Test func missingFileAndFolder() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/thaw/mine.csv")
        #expect(throws: DataError(.notFound, file: missing.path, "no such file")) { try CSVImport.load(missing) }
        let folder = FileManager.default.temporaryDirectory
        #expect(throws: DataError.self) { try TextImport.lines(folder) }
    }

    @Test func textLines() throws {
        let url = try temporaryFile("names.txt", "\u{FEFF}Ana\r\nBeñat\n\n  \nZoë\n")
        #expect(try TextImport.lines(url) == ["Ana", "Beñat", "Zoë"])
        let data = try TextImport.load(url, context: 8)
        #expect(data.count == 3 && data.vocabulary.characters.count == 10)
        #expect(data.text(at: 1) == "^Beñat$")
        let onWords = try TextImport.load(url, vocabulary: .words)
        #expect(onWords.targets.contains(Vocabulary.unknown))        // capitals are not in the word vocabulary
        let empty = try temporaryFile("empty.txt", "\n\n")
        #expect(throws: DataError(.empty, file: empty.path, "the file is empty (no lines with text)")) {
            try TextImport.lines(empty)
        }
        var bad = Array("fine\nalso fine\n".utf8)
        bad += [0x62, 0xC3, 0x28, 0x0A]                             // an invalid two-byte sequence
        let badURL = try temporaryFile("bad.txt", bad)
        do { _ = try TextImport.lines(badURL); Issue.record("loaded a file that is not UTF-8") } catch let error as DataError {
            #expect(error.kind == .encoding && error.line == 3)
            #expect(error.description.contains("bad.txt, line 3: byte 0xC3 (byte 2 of the line) is not UTF-8"))
        }
    }
}
