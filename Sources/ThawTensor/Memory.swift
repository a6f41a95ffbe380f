internal import CBLAS

/// How the engine's buffers come and go.
///
/// Every op returns a fresh `[Float]`, and a training step frees about as much as it allocates,
/// in the same sizes, step after step. glibc's malloc would hand much of that back to the kernel:
/// blocks above `M_MMAP_THRESHOLD` are separate mappings unmapped on free, and free memory at the
/// top of the heap beyond `M_TRIM_THRESHOLD` is returned with `brk`. The next step then takes
/// page faults and has the kernel zero every page again: in a `perf` profile of gpt-tiny that
/// was about 15% of the time (`exc_page_fault`, `clear_page_erms`, `__do_sys_brk`).
public enum Memory {
    /// Keeps freed buffers in the process for reuse: serve blocks up to 32 MiB (glibc's
    /// maximum for this setting) from the heap and never trim it. Call once at startup; the
    /// cost is that the process keeps its peak heap size until it exits.
    public static func keepFreedBuffers() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        // Grow the heap in 64 MiB steps rather than page by page: fewer brk calls while warming up.
        _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
