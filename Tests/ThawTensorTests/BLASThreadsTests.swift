import Testing
import ThawTensor

/// thaw chooses one BLAS thread unless the environment names a count (see `adoptDefault`).
@Suite(.serialized) struct BLASThreadsTests {
    @Test func oneThreadUnlessTheEnvironmentSaysOtherwise() {
        defer { BLASThreads.set(1) }
        BLASThreads.set(2)
        let asked = BLASThreads.current   // 2, or 1 on a one-core machine
        for variable in BLASThreads.environmentVariables {
            BLASThreads.adoptDefault(environment: [variable: "2"])
            #expect(BLASThreads.current == asked, "\(variable) set: thaw leaves the count alone")
        }
        BLASThreads.adoptDefault(environment: ["OPENBLAS_NUM_THREADS": ""])
        #expect(BLASThreads.current == 1, "an empty value names no count")
        BLASThreads.set(2)
        BLASThreads.adoptDefault(environment: [:])
        #expect(BLASThreads.current == 1)
    }
}
