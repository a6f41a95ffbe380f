import ArgumentParser
import Foundation
import ThawTensor

/// `thaw bench`: the benchmark workloads, one line each in torch_ref.py's format.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the benchmark workloads (build with -c release).",
        discussion: "Prints name<TAB>steps=N<TAB>seconds=S<TAB>steps_per_s=R per workload, as ../shared/bench/torch_ref.py does.")

    @Option(help: "Run only this workload (\(Workload.all.map(\.name).joined(separator: ", "))).")
    var only: String?

    @Option(help: "OpenBLAS threads.")
    var threads: Int = 1

    @Option(help: "Scale every workload's step count (e.g. 0.1 for a quick look).")
    var scale: Double = 1

    func validate() throws {
        if let only, !Workload.all.contains(where: { $0.name == only }) {
            throw ValidationError("unknown workload '\(only)'; choose one of \(Workload.all.map(\.name).joined(separator: ", "))")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() {
        BLASThreads.set(threads)
        for w in Workload.all where only == nil || only == w.name {
            let step = w.prepare()
            for i in 0..<10 { step(i) }  // warm-up, untimed
            let steps = max(1, Int(Double(w.steps) * scale))
            let start = DispatchTime.now().uptimeNanoseconds
            for i in 0..<steps { step(i) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(w.name)\tsteps=\(steps)\tseconds=\(String(format: "%.3f", seconds))\tsteps_per_s=\(String(format: "%.1f", Double(steps) / seconds))")
            fflush(nil)  // all streams: show each line as it is measured
        }
    }
}
