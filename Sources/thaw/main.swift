import ThawTensor

// Training frees and reallocates the same buffers every step: keep them in the process
// instead of returning them to the kernel (see Memory.keepFreedBuffers).
Memory.keepFreedBuffers()

// The thaw command: see ThawCommand for its subcommands.
ThawCommand.main()
