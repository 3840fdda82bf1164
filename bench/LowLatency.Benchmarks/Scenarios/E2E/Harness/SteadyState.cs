using System.Diagnostics;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// Decides when a round's measurement starts: once the warm-up count of messages is visible and
/// the pipeline's book is in sync (its REST snapshot applied), whichever comes last, so neither
/// side is measured while it buffers diffs for a snapshot.
/// </summary>
public static class SteadyState
{
    /// <summary>Blocks (sleeping 1 ms between checks) until <paramref name="visible"/> is warm and <paramref name="bookSynced"/> holds; returns the visible count then.</summary>
    /// <exception cref="TimeoutException">Not reached within <paramref name="timeout"/>.</exception>
    /// <exception cref="BookNotSyncedException">The round's last message became visible before the book got in sync.</exception>
    public static int Await(VisibilityLog visible, int warmUp, Func<bool> bookSynced, TimeSpan timeout, string pipeline)
    {
        var clock = Stopwatch.StartNew();
        RoundGuard.Require(visible.WaitWarm(timeout), visible, warmUp, pipeline);
        while (!bookSynced())
        {
            if (visible.Count >= visible.Target)
                throw new BookNotSyncedException($"{pipeline} made all {visible.Count} messages of the round visible before its book got in sync.");
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"{pipeline}'s book was still not in sync after {visible.Count} visible messages and {timeout.TotalSeconds:0} s; expected it to sync from the REST snapshot.");
            Thread.Sleep(1);
        }
        return visible.Count;
    }
}
