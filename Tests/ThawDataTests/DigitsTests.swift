import Foundation
import Testing
import ThawData
import ThawTensor

@Suite("Digits: the shipped 8x8 images")
struct DigitsTests {
    @Test func loadsAllDigitsScaledToUnitRange() throws {
        let digits = try Digits.load()
        #expect(digits.count == 1797)
        #expect(digits.features.shape == [1797, 64])
        #expect(digits.classCounts == digitClassCounts)
        #expect(digits.features.data.min() == 0 && digits.features.data.max() == 1)
        #expect(digits.kind == .image(height: 8, width: 8))
        #expect(digits.ids == Array(0..<1797))
        // The first row of the file is a 0 whose first pixels are 0,0,5,13,9,1,0,0.
        #expect(digits.labels[0] == 0)
        #expect(Array(digits.values(at: 0).prefix(8)) == [0, 0, 5, 13, 9, 1, 0, 0].map { Float($0) / 16 })
    }

    @Test func layouts() throws {
        #expect(try Digits.load(layout: .image).features.shape == [1797, 8, 8])
        #expect(try Digits.load(layout: .channels).features.shape == [1797, 1, 8, 8])
        #expect(try Digits.load().reshaped(sampleShape: [1, 8, 8]).sampleShape == [1, 8, 8])
    }

    @Test func datasetsFolderIsFoundAndCanBeNamed() throws {
        let folder = try DatasetsFolder.locate()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("digits.csv.gz").path))
        #expect(try Digits.load(from: folder).count == 1797)
        let nowhere = URL(fileURLWithPath: "/nonexistent-thaw-folder")
        #expect(throws: DataError.self) { try Digits.load(from: nowhere) }
    }

    @Test func malformedDigitRowsNameTheirLine() {
        let row = Array(repeating: "0", count: 64).joined(separator: ",")
        func error(_ text: String) -> DataError? {
            do { _ = try Digits.parse(Array(text.utf8), file: "d.csv"); return nil } catch { return error as? DataError }
        }
        #expect(error("\(row),3\n\(row)\n")?.description == "d.csv, line 2: 64 fields, expected 65")
        #expect(error("\(row),3\n\(row),12\n")?.line == 2)
        #expect(error("\(row),x\n")?.kind == .corrupt)
        #expect(error("")?.kind == .empty)
    }
}
