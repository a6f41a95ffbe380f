import Foundation
import ThawData
import ThawLessons
#if canImport(Glibc)
import Glibc
#endif

/// Runs each answer of one student in a child process of this same binary
/// (`thaw grade-exercise`), with a CPU and memory budget, confined to a scratch folder that
/// is made for the student and removed afterwards.
///
/// What it guarantees: an answer that crashes, loops or allocates without end costs that
/// exercise (scored 0, with a message the student can read) and nothing else; the report is
/// always written. Commands read and write only inside the scratch folder (no absolute
/// paths, no `..`, no symlinks, no devices). What it does not: it is not a container. The
/// child runs as the same user and could be reached by a flaw in Thaw itself, so run the
/// grader in a container anyway (docs/lessons.md).
final class GradingSandbox {
    let limits: SandboxLimits
    /// The student's scratch folder (the child's working directory).
    let scratch: URL
    private let executable: String
    private let environment: [String: String]

    init(limits: SandboxLimits) throws {
        self.limits = limits
        // A child that dies before reading its answer closes the pipe; the write must fail
        // with EPIPE, not kill the grader (and a closed stdout becomes exit 1, not a signal).
        signal(SIGPIPE, SIG_IGN)
        var template = Array((NSTemporaryDirectory() + "/thaw-grade-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw GradingError("cannot make a scratch folder: \(SafeWrite.describe(errno))") }
        scratch = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        guard let path = InstalledShare.binaryPath else {
            throw GradingError("cannot find the thaw binary to run answers in (/proc/self/exe)")
        }
        executable = path
        var env = ProcessInfo.processInfo.environment
        // The child finds the lessons and datasets where this process found them, never in
        // its working directory, which the student's commands can write to.
        if let lessons = LessonsFolder.locate() { env[LessonsFolder.environmentVariable] = lessons.path }
        if let datasets = try? DatasetsFolder.locate() { env[DatasetsFolder.environmentVariable] = datasets.path }
        env["THAW_HOME"] = scratch.appendingPathComponent(".thaw").path
        // One BLAS thread: the CPU budget then means what it says, and results do not
        // depend on how many cores the grading machine has.
        env["OPENBLAS_NUM_THREADS"] = "1"
        environment = env
    }

    /// Removes the scratch folder (symlinks in it are removed, not followed).
    func cleanUp() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs one answer; whatever happens to the child becomes an outcome.
    func run(lesson: Lesson, exercise: Exercise, answer: String) -> AttemptOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["grade-exercise", "--lesson", lesson.id, "--exercise", exercise.id,
                             "--scratch", scratch.path, "--cpu-seconds", String(limits.cpuSeconds),
                             "--memory-mb", String(limits.memoryMB)]
        process.environment = environment
        process.currentDirectoryURL = scratch
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return AttemptOutcome(passed: false, report: "stopped: the grader could not start thaw to run this answer (\(error))")
        }
        // Feed and drain the pipes on other threads so that neither side can block the other.
        let done = DispatchGroup()
        let collected = Collected()
        DispatchQueue.global().async(group: done) {
            try? input.fileHandleForWriting.write(contentsOf: Data(answer.utf8))
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: done) {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
        }
        let deadline = Date().addingTimeInterval(limits.wallSeconds)
        var timedOut = false
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)  // a watchdog's poll, not a wait for a result
        }
        process.waitUntilExit()
        done.wait()
        return outcome(of: process, output: collected.data, timedOut: timedOut)
    }

    private final class Collected: @unchecked Sendable { var data = Data() }

    /// The child's JSON when it finished; otherwise what stopped it, in words.
    func outcome(of process: Process, output: Data, timedOut: Bool) -> AttemptOutcome {
        if process.terminationReason == .exit, process.terminationStatus == 0,
           let outcome = try? JSONDecoder().decode(AttemptOutcome.self, from: output) {
            return outcome
        }
        let cpu = "\(limits.cpuSeconds) s of CPU time"
        if timedOut {
            return AttemptOutcome(passed: false, report: "stopped: the answer took longer than \(Int(limits.wallSeconds)) s "
                                  + "(the limit is \(cpu) per exercise, at most \(Int(limits.wallSeconds)) s in all); this exercise scores 0")
        }
        guard process.terminationReason == .uncaughtSignal else {
            return AttemptOutcome(passed: false, report: "stopped: thaw could not run this answer (exit status \(process.terminationStatus)); this exercise scores 0")
        }
        let signal = process.terminationStatus
        switch signal {
        case SIGXCPU:
            return AttemptOutcome(passed: false, report: "stopped: the answer used up its \(cpu) (a training run too long?); this exercise scores 0")
        case SIGKILL:
            // The hard CPU limit, a second after SIGXCPU was ignored, or the machine's OOM killer.
            return AttemptOutcome(passed: false, report: "stopped: the answer was killed, having used up its \(cpu) "
                                  + "or the machine's memory; this exercise scores 0")
        default:
            return AttemptOutcome(passed: false, report: "stopped: thaw crashed while running the answer (signal \(signalName(signal))); "
                                  + "this often means it needed more than the \(limits.memoryMB) MB of memory allowed. "
                                  + "This exercise scores 0; the others are graded as usual")
        }
    }

    func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        default: String(signal)
        }
    }
}
