// OpenBLAS's CBLAS interface (apt: libopenblas-dev; pkg-config: openblas).
#include <cblas.h>

// glibc's mallopt, which Swift's Glibc module does not export: ThawTensor's allocator tuning
// (Sources/ThawTensor/Memory.swift) is the engine's other low-level system dependency.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
