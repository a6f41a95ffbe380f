import Foundation
import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// The live session: a workspace of named datasets, models, snapshots and runs, and the
/// evaluator that runs commands against it.
///
/// ```swift
/// let session = Session()
/// let entry = session.run("digits = load digits")
/// session.run("net = mlp 64 32 10; train net on digits epochs 2")
/// ```
///
/// A line runs only if all of it parses and validates; a command that fails stops the line
/// there with a message pointing at the problem. Nothing a learner types can crash it.
public final class Session {
    /// Names and what they stand for.
    public internal(set) var workspace: [String: WorkspaceItem] = [:]
    /// Every command run so far with its outputs (and, for lessons, prose between them).
    public var transcript: Transcript
    /// The generator every random choice draws from; `seed` resets it.
    public internal(set) var rng = RNG(seed: 0)
    public internal(set) var seedValue: UInt64 = 0
    /// Polled by training at every step boundary (the shell's Ctrl-C).
    public var interruptCheck: (() -> Bool)?
    /// Set by `quit`.
    public internal(set) var quitRequested = false
    /// Whether progress lines may be drawn on standard error (a terminal).
    public var showProgress = false
    /// What one line may spend: memory, and minutes of training (`budget`; `Session+Budget.swift`).
    public var budget = SessionBudget()
    /// Which files commands may read and write; the grader confines them (`FileAccess.swift`).
    public var fileAccess: FileAccessPolicy = .unrestricted
    /// Commands ThawLab does not handle itself (`lessons`, `next`, `hint`, `check`): the
    /// lesson layer installs a handler; without one they explain that no lesson is open.
    public var externalCommand: ((Statement) -> [Output]?)?
    var executionCount = 0
    /// When set, notes every parameter that command code reads (see `ReadLog`): tests use it
    /// to prove that each option of each command does something.
    package var optionReads: ReadLog?
    /// The most recent training run, for `plot` without `of`.
    var lastRun: LabRun?

    public init(title: String = "thaw session") {
        transcript = Transcript(title: title)
    }

    /// Runs a line (or several, separated by `;` or newlines) and records it in the transcript.
    @discardableResult
    public func run(_ text: String) -> TranscriptEntry {
        run(Script(text))
    }

    /// Runs a line already parsed (the lesson guide reads it first), without parsing it again.
    @discardableResult
    public func run(_ script: Script) -> TranscriptEntry {
        executionCount += 1
        let entry = TranscriptEntry(source: script.source.text, outputs: evaluate(script), executionCount: executionCount)
        transcript.cells.append(.code(entry))
        return entry
    }

    /// Runs text without recording it (for checks run on the learner's behalf).
    public func evaluate(_ text: String) -> [Output] {
        evaluate(Script(text))
    }

    func evaluate(_ script: Script) -> [Output] {
        if script.hasErrors { return [.error(script.renderedDiagnostics())] }
        var outputs: [Output] = []
        for statement in script.statements {
            do {
                outputs += try execute(statement)
            } catch {
                outputs.append(.error(render(error, statement: statement, source: script.source)))
                break
            }
            if quitRequested { break }
        }
        return outputs
    }

    /// Adds prose to the transcript (a lesson's text between its blocks).
    public func appendMarkdown(_ text: String) { transcript.cells.append(.markdown(text)) }

    /// Forgets every name and puts the seed back to 0.
    public func reset() {
        workspace = [:]
        lastRun = nil
        rng = RNG(seed: 0)
        seedValue = 0
    }

    /// The names in the workspace, sorted.
    public var names: [String] { workspace.keys.sorted() }

    /// Every layer path of every model (`net.0`, `net.head.weight`…), for completion.
    public var layerPaths: [String] {
        var paths: [String] = []
        for (name, item) in workspace {
            guard case let .model(m) = item else { continue }
            paths += m.module.namedModules().map { $0.path.isEmpty ? name : "\(name).\($0.path)" }
            paths += m.module.namedParameters().map { "\(name).\($0.path)" }
        }
        return paths.sorted()
    }

    /// Completion candidates for the word at `cursor` (a UTF-8 offset) in `line`.
    public func completions(line: String, cursor: Int) -> [String] {
        CommandCatalog.completions(for: line, cursor: cursor, names: names, layerPaths: layerPaths)
    }

    // MARK: Running one statement

    func execute(_ statement: Statement) throws -> [Output] {
        let result = try dispatch(statement)
        try bind(statement, to: result.items)
        return result.outputs
    }

    func bind(_ statement: Statement, to items: [WorkspaceItem]) throws {
        let names = statement.bindings
        guard !names.isEmpty else {
            // An unbound result that must be kept has nowhere to go.
            if items.count == 1, case .model = items[0] {
                throw LabError("give the new model a name: `net = \(statement.command.verb.name) …`", at: statement.command.verb.range)
            }
            return
        }
        guard items.count == names.count else {
            let what = items.isEmpty ? "gives back nothing to name" : "gives back \(items.count) value\(items.count == 1 ? "" : "s")"
            throw LabError("`\(statement.command.name)` \(what), but \(names.count) name\(names.count == 1 ? " was" : "s were") given",
                           at: names.first!.range)
        }
        for (name, item) in zip(names, items) { workspace[name.name] = item }
    }

    /// Turns any error into the text shown to the learner, with a caret under its cause.
    func render(_ error: Error, statement: Statement, source: SourceFile) -> String {
        let diagnostic: Diagnostic
        switch error {
        case let lab as LabError:
            diagnostic = .error(lab.message, at: lab.range ?? statement.command.range,
                                suggestion: lab.suggestion.map { .didYouMean($0) })
        case let d as Diagnostic:
            diagnostic = d
        default:
            diagnostic = .error("\(error)", at: statement.command.range)
        }
        return DiagnosticRenderer().render(diagnostic, in: source)
    }
}
