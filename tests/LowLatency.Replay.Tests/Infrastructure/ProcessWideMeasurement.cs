namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// Tests that measure the whole process (allocated bytes over every thread) run alone: xUnit runs
/// a collection without parallelisation after every other test of the assembly, so the other
/// tests' allocations cannot land in the measured window.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurement
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process-wide measurement";
}
