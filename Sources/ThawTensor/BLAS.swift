internal import CBLAS
import Foundation

/// Thin wrappers over OpenBLAS. Every matrix product in Thaw goes through `gemm`;
/// nothing outside ThawTensor sees CBLAS.
enum BLAS {
    /// C = alpha · op(A) · op(B) + beta · C, all row-major; op transposes when asked.
    /// A is m×k after op, B is k×n after op, C is m×n.
    @inline(__always)
    static func gemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                     alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                     b: UnsafePointer<Float>, ldb: Int,
                     beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        if k == 0 {  // BLAS leaves C alone when k = 0 only if beta = 1; make it explicit
            if beta == 0 { c.update(repeating: 0, count: m * ldc) }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                    beta, c, Int32(ldc))
    }
}

/// Process-wide BLAS settings.
public enum BLASThreads {
    /// Sets how many threads OpenBLAS may use (1 gives the most repeatable timings).
    public static func set(_ count: Int) { openblas_set_num_threads(Int32(max(1, count))) }
    /// The number of threads OpenBLAS is using.
    public static var current: Int { Int(openblas_get_num_threads()) }

    /// The environment variables OpenBLAS reads its thread count from.
    public static let environmentVariables = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"]

    /// One thread unless the environment asks for more. The course's products are small
    /// (64×128 to 1024×64×64): spread over cores, OpenBLAS spends more in waking and joining
    /// threads than it saves — lesson 1 replayed 1.5–2.2 s with both cores against 1.0–1.3 s
    /// with one (docs/performance.md) — so by default thaw is never slower than one thread.
    /// `OPENBLAS_NUM_THREADS=N` (or `thaw bench --threads N`) still chooses N.
    public static func adoptDefault(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard !environmentVariables.contains(where: { environment[$0]?.isEmpty == false }) else { return }
        set(1)
    }
}
