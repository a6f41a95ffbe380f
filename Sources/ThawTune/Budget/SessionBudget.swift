/// What an interactive session may spend, so that one line cannot exhaust the machine or
/// keep the prompt away for long. The shell checks a command's estimate (``TrainingCost``)
/// against it before anything is allocated or trained; `budget` shows and raises it.
///
/// - `memoryBytes`: what the workspace (models, their gradients, datasets, snapshots) and
///   the command's own needs may add up to. The default is well under this machine's 24 GiB.
/// - `stepFLOPs`: the most one training step may cost. Ctrl-C is seen between steps, so
///   this is what keeps it answering within about a second on any model the budget allows;
///   it is fixed, not raised by `budget`.
/// - `runMinutes`: the estimated compute one `train` line may take.
public struct SessionBudget: Sendable, Equatable {
    public static let defaultMemoryBytes = 2 << 30
    public static let defaultRunMinutes = 10

    /// FLOPs a training step of the largest models reaches on this 2-core machine (measured
    /// on a wide GPT's step, see docs/shell.md), to turn estimated work into seconds.
    public static let flopsPerSecond = 1.0e10
    /// At ``flopsPerSecond``, a step of this size takes about a third of a second.
    public static let stepFLOPs = 3.0e9

    public var memoryBytes: Int
    public var runMinutes: Int

    public init(memoryBytes: Int = defaultMemoryBytes, runMinutes: Int = defaultRunMinutes) {
        self.memoryBytes = memoryBytes
        self.runMinutes = runMinutes
    }

    /// The most estimated work one `train` line may do.
    public var runFLOPs: Double { Double(runMinutes) * 60 * Self.flopsPerSecond }

    /// Estimated seconds for `flops` of work on this machine.
    public static func seconds(_ flops: Double) -> Double { flops / flopsPerSecond }
}
