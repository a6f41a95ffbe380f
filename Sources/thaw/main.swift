// The thaw command: see Commands/ThawCommand.swift for its subcommands.
import ThawTensor

// Before anything opens a file: a closed stdout must not be reused, and lost output fails.
StandardOutput.guardStandardDescriptors()
// Keep freed tensor buffers in the process for reuse (see Memory.swift): a training step
// allocates the same sizes over and over, and returning them to the OS costs page faults.
Memory.keepFreedBuffers()
// One BLAS thread unless the environment says otherwise: the fastest for the course's sizes.
BLASThreads.adoptDefault()
ThawCommand.main()
