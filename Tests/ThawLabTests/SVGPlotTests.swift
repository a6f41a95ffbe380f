import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ThawLab

@Suite("SVG plots")
struct SVGPlotTests {
    @Test func wellFormedWithRoundTicksLegendAndLabels() throws {
        let svg = SVGPlot.render(ExportSamples.lossPlot)
        let doc = try SVGDocument(svg)
        #expect(doc.root == "svg")
        #expect(doc.attributes["svg"]?["viewBox"] == "0 0 640 400")
        #expect(doc.texts.contains("loss"))   // title and y label
        #expect(doc.texts.contains("step"))
        #expect(doc.texts.contains("train") && doc.texts.contains("valid"))
        // 1-2-5 ticks: steps 0…40 by 10, loss 0…2.5 by 0.5.
        for label in ["0", "10", "20", "30", "40", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5"] {
            #expect(doc.texts.contains(label), "tick \(label)")
        }
        #expect(doc.count("path") == 2)
        #expect(svg.contains("stroke=\"#0072B2\"") && svg.contains("stroke=\"#E69F00\""))
        // The 9 validation points are marked; the 41 training points are too many to mark.
        #expect(doc.count("circle") == 9)
        #expect(!svg.contains(" id=") && !svg.hasPrefix("<?xml"))
    }

    @Test func logAxisTicksAtDecades() throws {
        let doc = try SVGDocument(SVGPlot.render(ExportSamples.lrPlot))
        #expect(doc.texts.contains("1e-5") && doc.texts.contains("1e-4") && doc.texts.contains("1e-3"))
        #expect(doc.texts.contains("lr (log scale)"))
        let narrow = Plot(title: "t", xLabel: "", yLabel: "", series: [Plot.Series(name: "a", points: [
            Plot.Point(0, 0.03), Plot.Point(1, 0.08)])], logY: true)
        let texts = try SVGDocument(SVGPlot.render(narrow)).texts
        #expect(texts.contains("0.02") && texts.contains("0.05") && texts.contains("0.1"))
    }

    @Test func sameBytesEveryTime() {
        #expect(SVGPlot.render(ExportSamples.lossPlot) == SVGPlot.render(ExportSamples.lossPlot))
        #expect(SVGPlot.render(ExportSamples.lrPlot, width: 800, height: 300)
                == SVGPlot.render(ExportSamples.lrPlot, width: 800, height: 300))
    }

    @Test func awkwardTextAndDataStayWellFormed() throws {
        let plot = Plot(title: "a < b & \"c\"", xLabel: "x's", yLabel: "<y>", series: [
            Plot.Series(name: "s&p", points: [Plot.Point(0, 1), Plot.Point(1, .nan), Plot.Point(2, 3)]),
            Plot.Series(name: "", points: []),
        ] + (0..<8).map { i in Plot.Series(name: "s\(i)", points: [Plot.Point(0, Double(i)), Plot.Point(2, 0)]) })
        let svg = SVGPlot.render(plot)
        let doc = try SVGDocument(svg)
        #expect(doc.texts.contains("a < b & \"c\"") && doc.texts.contains("s&p") && doc.texts.contains("series 2"))
        #expect(svg.contains("stroke-dasharray"))   // series past the palette are dashed
        // A point dropped in the middle breaks the line into two runs; each lone point gets a marker.
        #expect(svg.contains("<path d=\"M") && svg.components(separatedBy: " M").count >= 2)

        let empty = try SVGDocument(SVGPlot.render(Plot(title: "", xLabel: "", yLabel: "", series: [])))
        #expect(empty.texts.contains("no data"))
        let flat = try SVGDocument(SVGPlot.render(Plot(title: "flat", xLabel: "", yLabel: "", series: [
            Plot.Series(name: "c", points: [Plot.Point(3, 5), Plot.Point(3, 5)])])))
        #expect(flat.texts.contains("5.0") && flat.texts.contains("3.0"))
    }
}

/// An SVG parsed with Foundation's XMLParser: element names and attributes, and the text
/// content of every `<text>`/`<title>` element. Parsing fails on malformed XML.
struct SVGDocument {
    var root: String?
    var elements: [String] = []
    var attributes: [String: [String: String]] = [:]
    var texts: [String] = []

    init(_ svg: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw SVGError(message: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        root = delegate.elements.first
        elements = delegate.elements
        attributes = delegate.firstAttributes
        texts = delegate.texts
    }

    func count(_ element: String) -> Int { elements.filter { $0 == element }.count }

    struct SVGError: Error { let message: String }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var firstAttributes: [String: [String: String]] = [:]
        var texts: [String] = []
        var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
            if firstAttributes[name] == nil { firstAttributes[name] = attributes }
            if name == "text" || name == "title" { current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                    qualifiedName: String?) {
            if let text = current, name == "text" || name == "title" {
                texts.append(text)
                current = nil
            }
        }
    }
}

@Suite("Plots with extreme values")
struct ExtremePlotTests {
    @Test func hugeAndTinyValuesNeitherCrashNorBreakTheXML() throws {
        let extremes: [[Plot.Point]] = [
            [Plot.Point(-1.7e308, -1.7e308), Plot.Point(1.7e308, 1.7e308)],
            [Plot.Point(1e15, 1), Plot.Point(1e15 + 0.001, 2)],
            [Plot.Point(0, 1e-300), Plot.Point(1, 2e-300)],
            [Plot.Point(0, .leastNonzeroMagnitude), Plot.Point(1, 1.7e308)],
        ]
        for points in extremes {
            for logY in [false, true] {
                let plot = Plot(title: "x", xLabel: "", yLabel: "", series: [Plot.Series(name: "a", points: points)], logY: logY)
                _ = try SVGDocument(SVGPlot.render(plot))
                #expect(!TerminalRenderer().render(.plot(plot)).isEmpty)
            }
        }
    }
}
