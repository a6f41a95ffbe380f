import ArgumentParser
import Foundation
import ThawData
import enum ThawLang.ControlCharacters
import ThawLessons

/// `thaw grade DIR`: grades a folder of answers for a course: Gradescope, JUnit or text.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a folder of answers (LESSON-ID/EXERCISE-ID.thaw) against the lessons.",
        discussion: """
            Every exercise of the chosen lessons is one point; a missing answer scores 0. \
            Each answer runs in a child process with a CPU and memory budget, reading and \
            writing files only in a scratch folder; one that crashes or runs out scores 0 and \
            the rest is graded. It is not a container: run graders in one anyway. \
            Gradescope: write results.json with --output /autograder/results/results.json. \
            Exits with 0 when the report was written, whatever the score.
            """)

    @Argument(help: "The folder of answers (with --class: a folder of such folders, one per student).")
    var directory: String?

    @Option(help: "Write Gradescope's autograder archive (autograder.zip: setup.sh, run_autograder, Thaw's sources) into this folder, for the chosen lessons.")
    var bundle: String?

    @Flag(name: .customLong("class"), help: "Grade every student folder in DIRECTORY; --output names a folder for grades.csv, summary.md and one report per student.")
    var wholeClass = false

    @Option(help: "gradescope (results.json), junit (XML) or text.")
    var format: GradeReport.Format = .text

    @Option(help: "Write the report here instead of to standard output.")
    var output: String?

    @Option(name: .customLong("lesson"), help: "Grade only this lesson (number, id or name); repeatable.")
    var lessons: [String] = []

    @Option(help: "CPU seconds each exercise may use, its lesson's replay included.")
    var cpuSeconds: Int = SandboxLimits.defaultCPUSeconds

    @Option(help: "Memory (MB of address space) each exercise may use.")
    var memoryMb: Int = SandboxLimits.defaultMemoryMB

    func run() throws {
        func fail(_ message: String, _ code: Int32) -> ExitCode {
            FileHandle.standardError.write(Data("thaw: \(ControlCharacters.visible(message))\n".utf8))
            return ExitCode(code)
        }
        guard cpuSeconds >= 1, memoryMb >= 256 else { throw fail("--cpu-seconds must be at least 1 and --memory-mb at least 256", 64) }
        if let bundle {
            guard directory == nil else { throw fail("--bundle writes the autograder; it grades nothing, so give no answers folder", 64) }
            try writeBundle(to: URL(fileURLWithPath: bundle, isDirectory: true), fail: fail)
            return
        }
        guard let directory else { throw fail("name the folder of answers to grade: thaw grade DIR", 64) }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("\(directory) is not a folder", 64)
        }
        if wholeClass {
            guard let output else { throw fail("--class writes several files: name a folder with --output", 64) }
            try gradeClass(in: folder, into: URL(fileURLWithPath: output, isDirectory: true), fail: fail)
            return
        }
        if let output { do { try SafeWrite.checkTarget(output) } catch { throw fail(error.description, 73) } }
        let catalog = LessonCatalog.located()
        reportBrokenLessons(catalog)
        let report = try grade(folder, catalog: catalog, fail: fail)
        let text = report.rendered(as: format)
        guard let output else {
            guard StandardOutput.write(text) else { throw fail("the report could not be written to standard output", 1) }
            return
        }
        do { try SafeWrite.write(text, to: URL(fileURLWithPath: output)) } catch { throw fail(error.description, 73) }
    }

    /// `--bundle`: the autograder zip, from the clone this thaw was built from.
    func writeBundle(to folder: URL, fail: (String, Int32) -> ExitCode) throws {
        let catalog = LessonCatalog.located()
        do { _ = try Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: lessons).selectedLessons() } catch {
            throw fail("\(error)", 64)
        }
        let source = LessonsFolder.packageLessons.deletingLastPathComponent()
        let bundle = AutograderBundle(source: source, lessons: lessons, cpuSeconds: cpuSeconds, memoryMB: memoryMb)
        do {
            let zip = try bundle.write(to: folder)
            print("wrote \(zip.path): upload it as the autograder of a Gradescope programming assignment (docs/teaching.md)")
        } catch { throw fail("\(error)", 73) }
    }

    /// Grades one folder of answers, each answer in the sandbox.
    func grade(_ folder: URL, catalog: LessonCatalog, who: String = "", fail: (String, Int32) -> ExitCode) throws -> GradeReport {
        let sandbox: GradingSandbox
        do { sandbox = try GradingSandbox(limits: SandboxLimits(cpuSeconds: cpuSeconds, memoryMB: memoryMb)) } catch {
            throw fail("\(error)", 71)
        }
        defer { sandbox.cleanUp() }
        var grader = Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: lessons)
        grader.willGrade = { lesson, exercise in status("grading \(who)\(lesson.id)/\(exercise.id)…") }
        grader.runAttempt = { lesson, exercise, answer in sandbox.run(lesson: lesson, exercise: exercise, answer: answer) }
        let report: GradeReport
        do { report = try grader.grade() } catch { throw fail("\(error)", 64) }
        status("")
        return report
    }

    /// `--class`: every visible sub-folder is a student's answers. Writes `grades.csv`,
    /// `summary.md` and `students/NAME.EXT` into `output`, and prints the summary.
    func gradeClass(in folder: URL, into output: URL, fail: (String, Int32) -> ExitCode) throws {
        let catalog = LessonCatalog.located()
        reportBrokenLessons(catalog)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && FileKind.of(folder.appendingPathComponent($0).path) == .directory }.sorted()
        let selected: [Lesson]
        do { selected = try Grader(catalog: catalog, answers: AnswerStore(folder: folder), only: lessons).selectedLessons() } catch {
            throw fail("\(error)", 64)
        }
        var students: [ClassReport.Student] = []
        for name in names {
            let answers = folder.appendingPathComponent(name, isDirectory: true)
            let report = try grade(answers, catalog: catalog, who: ControlCharacters.visible(name) + ": ", fail: fail)
            let store = AnswerStore(folder: answers)
            let predictions = Dictionary(uniqueKeysWithValues: selected.map { ($0.id, store.predictions(lesson: $0.id)) })
            students.append(ClassReport.Student(name: name, report: report, predictions: predictions))
        }
        let classReport = ClassReport(students: students, lessons: selected)
        let fileExtension = ["gradescope": "json", "junit": "xml", "text": "txt"][format.rawValue] ?? "txt"
        do {
            try SafeWrite.write(classReport.csv(), to: output.appendingPathComponent("grades.csv"))
            try SafeWrite.write(classReport.summary(), to: output.appendingPathComponent("summary.md"))
            for student in students {
                try SafeWrite.write(student.report.rendered(as: format),
                                    to: output.appendingPathComponent("students").appendingPathComponent("\(student.name).\(fileExtension)"))
            }
        } catch { throw fail(error.description, 73) }
        guard StandardOutput.write(classReport.summary()) else { throw fail("the summary could not be written to standard output", 1) }
    }
}

extension GradeReport.Format: ExpressibleByArgument {}
