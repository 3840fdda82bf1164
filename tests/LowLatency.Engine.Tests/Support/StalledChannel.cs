using System.Collections.Concurrent;
using System.Diagnostics;
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
    /// <summary>Stalls the replayer is given (<c>count=</c> of its stall fault): a read that outlives one stall is tried again in the next.</summary>
    public const int Stalls = 3;

    /// <summary>
    /// Waits for the channel to sync, for one of the replayer's stalls to begin and for the channel
    /// to go stale, reads, waits for it to sync again, and checks what the strategy was told;
    /// returns the read and the stale state it interrupted.
    /// </summary>
    /// <remarks>
    /// <para>The stall is awaited before the stale state because a loaded machine can delay the feed
    /// long enough for a brief Stale before the stall; a read then would race the data's return.</para>
    /// <para>On a loaded machine the data from just before the stall can also arrive late (the
    /// channel comes back for a moment around the read), or a read can outlive the stall (the data
    /// is back before the REST answer). Neither shows Stale → Degraded → Synced, so the read is
    /// then made again during the replayer's next stall (it is given <see cref="Stalls"/>).</para>
    /// </remarks>
    public static async Task<(T Read, DataQualityState Stale, DataQualityState AfterRead)> ReadDuringStallAsync<T>(MarketDataEngine engine,
        Replayer replayer, RecordingStrategy strategy, string venue, string symbol, MarketChannels channel, Func<Task<T>> read)
    {
        DataQualityState Quality() => engine.GetDataQuality(venue, symbol, channel);
        long StallsBegun() => replayer.Statistics.FaultsInjected.GetValueOrDefault(FaultKind.Stall);

        // The monitor's own report of transitions, in order and at once (the strategy hears of the same change objects on its consumer thread).
        var reported = new ConcurrentQueue<DataQualityChange>();
        engine.DataQualityChanged += (_, change) =>
        {
            if (change.Channel == channel && change.Instrument.Symbol == symbol)
                reported.Enqueue(change);
        };

        var attempts = new List<string>();
        for (int attempt = 1; ; attempt++)
        {
            long stallsBefore = StallsBegun();
            await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Synced, $"{channel} synced");
            await Eventually.TrueAsync(() => StallsBegun() > stallsBefore, "one of the replayer's stalls began");
            await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Stale, $"{channel} stale during the stall");
            int baseline = reported.Count;
            var stale = Quality();
            var clock = Stopwatch.StartNew();
            var value = await read();
            var readTime = clock.Elapsed;
            var afterRead = Quality();
            var intoDegraded = reported.Skip(baseline).FirstOrDefault(c => c.Current.Quality == DataQuality.Degraded);
            if (afterRead.Quality == DataQuality.Degraded && intoDegraded is { Previous: DataQuality.Stale })
            {
                // What must hold: the REST answer (Degraded) came out of Stale, went back to Synced
                // when the data resumed, and the strategy was told so, in that order.
                await Eventually.TrueAsync(() => Quality().Quality == DataQuality.Synced, $"{channel} synced again after the stall");
                bool Told()
                {
                    var told = strategy.Changes.Where(c => c.Channel == channel).ToList();
                    int at = told.IndexOf(intoDegraded);
                    return at >= 0 && at + 1 < told.Count && told[at + 1] is { Previous: DataQuality.Degraded, Current.Quality: DataQuality.Synced };
                }
                try
                {
                    await Eventually.TrueAsync(Told, $"the strategy told of Stale -> Degraded -> Synced (read {attempt} took {readTime.TotalMilliseconds:0} ms)",
                        TimeSpan.FromSeconds(20));
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"{ex.Message}; reported: {Describe(reported)}; the strategy was told: {Describe(strategy.Changes.Where(c => c.Channel == channel))}", ex);
                }
                return (value, stale, afterRead);
            }

            // A loaded machine can deliver the last data from before the stall late: the channel
            // then looked stale, came back for a moment and went stale again around the read, or
            // the read outlived the stall. Neither shows the path under test; the next stall does.
            attempts.Add($"read {attempt} took {readTime.TotalMilliseconds:0} ms and found {afterRead.Quality} ({afterRead.Reason}); reported: " +
                Describe(reported.Skip(baseline)));
            Assert.True(attempt < Stalls, "no read went from Stale to Degraded: " + string.Join("; ", attempts));
        }
    }

    private static string Describe(IEnumerable<DataQualityChange> changes) =>
        string.Join(", ", changes.Select(c => $"{c.Previous}->{c.Current.Quality} ({c.Current.Reason})"));
}
