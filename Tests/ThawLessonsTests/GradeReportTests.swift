import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ThawLessons

@Suite("Grading")
struct GradeReportTests {
    /// The fixture graded from a folder holding a failing answer; `lessons` adds a second,
    /// unanswered lesson.
    func report(answer: String? = "freeze net") throws -> GradeReport {
        let folder = Fixtures.temporaryFolder()
        let store = AnswerStore(folder: folder)
        if let answer { try store.save(answer, lesson: "fixture", exercise: "freeze") }
        let fixture = try Fixtures.fixtureLesson()
        var second = fixture
        second.id = "second"
        second.title = "A second <lesson> & more"
        second.fileName = "02-second.md"
        second.number = 2
        return try Grader(catalog: LessonCatalog(lessons: [fixture, second]), answers: store).grade()
    }

    @Test func gradesEveryExerciseAndCountsMissingAnswersAsFailed() throws {
        let failing = try report()
        #expect(failing.exercises.map(\.name) == ["fixture/freeze", "second/freeze"])
        #expect(failing.exercises.map(\.number) == ["1.1", "2.1"])
        #expect(failing.score == 0 && failing.maxScore == 2)
        #expect(failing.exercises[0].output.contains("hint: You froze the head too"))
        #expect(failing.exercises[1].output.hasPrefix("no answer: "))
        let passing = try report(answer: "freeze net except net.head")
        #expect(passing.score == 1)
        #expect(passing.exercises[0].passed)
    }

    /// An open exercise's justification cannot be checked; the report quotes it for the
    /// instructor: the answer's `# why:` lines, bounded, in the text and Gradescope reports.
    @Test func reportsQuoteTheLearnersReasons() throws {
        let long = String(repeating: "x", count: 1000)
        let answer = "# why: the trunk is fine for this task\nfreeze net except net.head\n#WHY:   only the head is new\n# a plain comment\n# why: \(long)\n"
        let graded = try report(answer: answer)
        let reasons = graded.exercises[0].reasoning
        #expect(reasons.count == 3)
        #expect(reasons[0] == "the trunk is fine for this task" && reasons[1] == "only the head is new")
        #expect(reasons[2].count == Reasoning.lengthLimit && reasons[2].hasSuffix("…"))
        #expect(graded.rendered(as: .text).contains("    why: only the head is new"))
        #expect(graded.rendered(as: .gradescope).contains("The learner's reasons:"))
        let many = String(repeating: "# why: again\n", count: 100) + "freeze net except net.head\n"
        #expect(try report(answer: many).exercises[0].reasoning.count == Reasoning.lineLimit)
        #expect(try report(answer: "freeze net except net.head").exercises[0].reasoning.isEmpty)
    }

    @Test func checkSkipsMissingAnswersAndSelectsLessons() throws {
        let folder = Fixtures.temporaryFolder()
        let catalog = LessonCatalog(lessons: [try Fixtures.fixtureLesson()])
        #expect(try Grader(catalog: catalog, answers: AnswerStore(folder: folder)).grade(skipMissing: true).exercises.isEmpty)
        #expect(throws: GradingError.self) { try Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: ["nope"]).grade() }
        #expect(try Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: ["1"]).grade().maxScore == 1)
    }

    @Test func gradescopeJSONHasTheFieldsGradescopeReads() throws {
        let json = try report().rendered(as: .gradescope)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["score"] as? Int == 0)
        let tests = try #require(root["tests"] as? [[String: Any]])
        #expect(tests.count == 2)
        for test in tests {
            #expect(test["name"] is String)
            #expect(test["score"] as? Int == 0)
            #expect(test["max_score"] as? Int == 1)
            #expect(test["status"] as? String == "failed")
            #expect(test["output"] is String)
        }
        #expect(tests[0]["name"] as? String == "A small fixture: freeze")
        let passing = try #require(try JSONSerialization.jsonObject(with: Data(try report(answer: "freeze net except net.head").gradescopeJSON().utf8)) as? [String: Any])
        #expect(passing["score"] as? Int == 1)
        #expect((passing["tests"] as? [[String: Any]])?.first?["status"] as? String == "passed")
    }

    @Test func junitXMLParsesAndCountsFailures() throws {
        let xml = try report().rendered(as: .junit)
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        #expect(reader.elements.first?.name == "testsuites")
        #expect(reader.elements.first?.attributes["tests"] == "2")
        #expect(reader.elements.first?.attributes["failures"] == "2")
        let suites = reader.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == ["fixture", "second"])
        let cases = reader.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["freeze", "freeze"])
        #expect(cases.allSatisfy { $0.attributes["classname"] != nil && $0.attributes["time"] != nil })
        let failures = reader.elements.filter { $0.name == "failure" }
        #expect(failures.count == 2)
        #expect(failures[0].attributes["message"] == "✗ expect not frozen(net.head)  (frozen(net.head) = true)")
        #expect(failures[1].attributes["message"] == "no answer")
    }

    @Test func textSummary() throws {
        let text = try report().rendered(as: .text)
        #expect(text.hasPrefix("✗ fixture/freeze\n    ✓ expect frozen(net.0)"))
        #expect(text.hasSuffix("score: 0/2\n"))
    }
}

/// Collects the elements of an XML document in order.
final class JUnitReader: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    var elements: [Element] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributeDict))
    }
}
