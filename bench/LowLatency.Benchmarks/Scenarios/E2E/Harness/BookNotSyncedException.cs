namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// A round's messages were all visible before the pipeline's book got in sync, so the round has
/// no steady state to measure.
/// </summary>
/// <remarks>
/// The recorded capture holds one REST depth snapshot, taken near its start. A pipeline whose
/// snapshot answer arrives after it already buffered more diffs than it keeps (our engine keeps
/// 65,536 events, about the whole capture) cannot bridge that snapshot any more, and the replayer
/// has no newer one to give. At max speed on a busy machine the first round of a process, with
/// its cold REST path, can hit this.
/// </remarks>
public sealed class BookNotSyncedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BookNotSyncedException(string message)
        : base(message)
    {
    }
}
