using System.Diagnostics;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Waits, between rounds, until the replayer has closed every connection of the round that ended.</summary>
public static class ReplayerConnections
{
    /// <summary>Blocks (sleeping) until <paramref name="replayer"/> has no open connection.</summary>
    /// <exception cref="TimeoutException">A connection stayed open for <paramref name="timeout"/>.</exception>
    public static void WaitAllClosed(Replayer replayer, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (replayer.Statistics.ConnectionsOpen != 0)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The replayer still had {replayer.Statistics.ConnectionsOpen} open connection(s) {timeout.TotalSeconds:0} s after the round ended; expected 0.");
            Thread.Sleep(2);
        }
    }
}
