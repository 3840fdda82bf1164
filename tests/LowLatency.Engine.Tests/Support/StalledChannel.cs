using LowLatency.Engine.Quality;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Support;

/// <summary>
/// A subscribed channel the replayer stalls: it turns stale, a read during the stall is served
/// from REST and marks it degraded, and it is synced again once data resumes.
/// </summary>
public static class StalledChannel
{
    /// <summary>
    /// Waits for the channel to sync, for the replayer's stall to begin and for the channel to go
    /// stale, reads, waits for it to sync again, and checks what the strategy was told; returns the
    /// read and the stale state it interrupted.
    /// </summary>
    /// <remarks>
    /// The stall is awaited before the stale state because a loaded machine can delay the feed long
    /// enough for a brief Stale before the stall; a read then would race the data's return.
    /// </remarks>
    public static async Task<(T Read, DataQualityState Stale, DataQualityState AfterRead)> ReadDuringStallAsync<T>(MarketDataEngine engine,
        Replayer replayer, RecordingStrategy strategy, string venue, string symbol, MarketChannels channel, Func<Task<T>> read)
    {
        DataQualityState Quality() => engine.GetDataQuality(venue, symbol, channel);
        await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Synced, $"{channel} synced");
        await Eventually.TrueAsync(() => replayer.Statistics.FaultsInjected.GetValueOrDefault(FaultKind.Stall) > 0, "the replayer's stall began");
        await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Stale, $"{channel} stale during the stall");
        var stale = Quality();
        var value = await read();
        var afterRead = Quality();
        await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Synced, $"{channel} synced again after the stall");
        await Eventually.TrueAsync(() => strategy.Changes.Any(c => c.Channel == channel && c.Current.Quality == DataQuality.Synced && c.Previous == DataQuality.Degraded),
            "the strategy told of the way back to synced");

        // A loaded machine may also show a brief Stale before the stall; what must hold is that the
        // REST answer (Degraded) came out of Stale and went back to Synced.
        var states = strategy.Changes.Where(c => c.Channel == channel).Select(c => c.Current.Quality).ToList();
        int degradedAt = states.IndexOf(DataQuality.Degraded);
        Assert.True(degradedAt > 0 && degradedAt + 1 < states.Count, string.Join(", ", states));
        Assert.Equal([DataQuality.Stale, DataQuality.Degraded, DataQuality.Synced], states[(degradedAt - 1)..(degradedAt + 2)]);
        return (value, stale, afterRead);
    }
}
