using LowLatency.Benchmarks.Scenarios.E2E.Harness;

namespace LowLatency.LoadTests.Running;

/// <summary>
/// What reached the cache of what the replayer sent one connection, for a pipeline that keeps
/// order (TCP and the ring both do): every message sent before the last one made visible should
/// be visible too; those that are not were lost.
/// </summary>
/// <param name="Sent">Capture messages handed to the connection's socket up to the last one made visible.</param>
/// <param name="Visible">Distinct messages made visible.</param>
/// <param name="Lost">Sent up to the last visible one, but never made visible.</param>
public readonly record struct DeliveryCount(long Sent, long Visible, long Lost)
{
    /// <summary>Counts for connection <paramref name="slot"/> of <paramref name="sends"/> against <paramref name="visible"/>.</summary>
    public static DeliveryCount Of(E2EFeed feed, SendLog sends, int slot, VisibilityLog visible)
    {
        var seen = new bool[feed.Count];
        int last = -1;
        long distinct = 0;
        for (int i = 0; i < visible.Count; i++)
        {
            if (!feed.TryIndexOf(visible.KeyAt(i), out int index) || seen[index])
                continue;
            seen[index] = true;
            distinct++;
            last = Math.Max(last, index);
        }
        long sent = 0, lost = 0;
        for (int index = 0; index <= last; index++)
        {
            if (sends.SentAt(slot, index) == 0)
                continue;
            sent++;
            if (!seen[index])
                lost++;
        }
        return new DeliveryCount(sent, distinct, lost);
    }
}
