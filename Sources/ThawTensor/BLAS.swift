internal import CBLAS

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
}
