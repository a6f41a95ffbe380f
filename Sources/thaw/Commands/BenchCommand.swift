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

    @Flag(help: "Also print the process CPU time of the timed steps (cpu_seconds, cpu_steps_per_s): steadier than wall time when other processes share the cores.")
    var cpuTime = false

    @Flag(help: "First time a 1024×1024×1024 matrix product (BLAS sgemm through Tensor.matmul) and print its GFLOP/s: the ceiling for the GEMM-bound workloads.")
    var sgemm = false

    func validate() throws {
        if let only, !Workload.all.contains(where: { $0.name == only }) {
            throw ValidationError("unknown workload '\(only)'; choose one of \(Workload.all.map(\.name).joined(separator: ", "))")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() {
        BLASThreads.set(threads)
        if sgemm { measureSgemmPeak() }
        for w in Workload.all where only == nil || only == w.name {
            let step = w.prepare()
            for i in 0..<10 { step(i) }  // warm-up, untimed
            let steps = max(1, Int(Double(w.steps) * scale))
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
            for i in 0..<steps { step(i) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpu = processCPUSeconds() - cpuStart
            var line = "\(w.name)\tsteps=\(steps)\tseconds=\(String(format: "%.3f", seconds))\tsteps_per_s=\(String(format: "%.1f", Double(steps) / seconds))"
            if cpuTime { line += "\tcpu_seconds=\(String(format: "%.3f", cpu))\tcpu_steps_per_s=\(String(format: "%.1f", Double(steps) / cpu))" }
            print(line)
            fflush(nil)  // all streams: show each line as it is measured
        }
    }
}

extension BenchCommand {
    /// Best of 10 timed 1024³ products (2·1024³ FLOPs each), after 2 untimed ones.
    func measureSgemmPeak() {
        var rng = RNG(seed: 3)
        let a = Tensor.randn([1024, 1024], rng: &rng), b = Tensor.randn([1024, 1024], rng: &rng)
        var best = Double.infinity, bestCPU = Double.infinity
        Tensor.withoutGrad {
            for i in 0..<12 {
                let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
                _ = a.matmul(b)
                let cpu = processCPUSeconds() - cpuStart
                guard i >= 2 else { continue }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                bestCPU = min(bestCPU, cpu)
            }
        }
        let flops = 2.0 * 1024 * 1024 * 1024
        var line = "sgemm-1024\tgflops=\(String(format: "%.1f", flops / best / 1e9))"
        if cpuTime { line += "\tcpu_gflops=\(String(format: "%.1f", flops / bestCPU / 1e9))" }
        print(line)
        fflush(nil)
    }
}

/// CPU time used by this process so far (all threads), in seconds.
private func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
