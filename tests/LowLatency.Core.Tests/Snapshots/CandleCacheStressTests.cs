using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

/// <summary>
/// A writer updates and appends candles while a reader copies windows: no copy may hold a torn
/// candle or a window mixing the series before and after an append.
/// </summary>
public sealed class CandleCacheStressTests
{
    private const long Minute = 60_000_000_000;
    private const int UpdatesPerCandle = 10;
    private const int WindowReads = 1_000_000;
    private const int WritesPerReadBudget = 32;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>Update <paramref name="update"/> of candle <paramref name="minute"/>; every field follows from those two.</summary>
    private static Candle Candle(long minute, int update) => new(
        minute * Minute,
        OpenPriceTicks: 1_000 + minute,
        HighPriceTicks: 1_000 + minute + update,
        LowPriceTicks: 1_000 + minute - update,
        ClosePriceTicks: 1_000 + minute + (update % 2),
        Volume: 3L * update,
        IsClosed: update == UpdatesPerCandle - 1);

    private static bool IsConsistent(in Candle candle)
    {
        long minute = candle.OpenTimeNs / Minute;
        long update = candle.HighPriceTicks - candle.OpenPriceTicks;
        return candle.OpenTimeNs % Minute == 0
            && update is >= 0 and < UpdatesPerCandle
            && candle == Candle(minute, (int)update);
    }

    [Fact]
    public void Readers_never_see_a_torn_candle_or_a_torn_window_while_the_writer_updates_and_appends()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute], depth: 64);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(1, 0), 0, 0);
        long readsDone = 0;
        int stop = 0;
        Exception? failure = null;
        long badWindows = 0;
        long longestWindow = 0;

        var writer = new Thread(() =>
        {
            try
            {
                var spinner = new SpinWait();
                long writes = 0;
                for (long minute = 1; Volatile.Read(ref stop) == 0; minute++)
                {
                    for (int update = minute == 1 ? 1 : 0; update < UpdatesPerCandle && Volatile.Read(ref stop) == 0; update++)
                    {
                        // Bounded lead over the reader: both threads progress whatever the core count.
                        while (writes > Volatile.Read(ref readsDone) * WritesPerReadBudget + 1_000 && Volatile.Read(ref stop) == 0)
                            spinner.SpinOnce();
                        cache.Upsert(0, CandleInterval.OneMinute, Candle(minute, update), minute, writes);
                        writes++;
                    }
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { IsBackground = true, Name = "candle-stress-writer" };

        var reader = new Thread(() =>
        {
            try
            {
                var window = new Candle[64];
                for (int i = 0; i < WindowReads; i++)
                {
                    // Mostly short windows; now and then the whole ring, across its wrap point.
                    Span<Candle> wanted = window.AsSpan(0, i % 16 == 0 ? 64 : 1 + i % 20);
                    int copied = cache.CopyLatest(0, CandleInterval.OneMinute, wanted, out CandleSeriesInfo info);
                    if (!IsValidWindow(wanted[..copied], info))
                        badWindows++;
                    longestWindow = Math.Max(longestWindow, copied);
                    Volatile.Write(ref readsDone, i + 1);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { IsBackground = true, Name = "candle-stress-reader" };

        writer.Start();
        reader.Start();
        bool readerDone = reader.Join(HangGuard);
        Volatile.Write(ref stop, 1);
        bool writerDone = writer.Join(HangGuard);

        Assert.Null(failure);
        Assert.True(readerDone && writerDone, "stress threads did not finish (hang guard)");
        Assert.Equal(0, badWindows);
        Assert.Equal(64, longestWindow);
    }

    /// <summary>Consecutive minutes, each candle whole, all but the newest closed, times from the newest's update.</summary>
    private static bool IsValidWindow(ReadOnlySpan<Candle> window, CandleSeriesInfo info)
    {
        for (int i = 0; i < window.Length; i++)
        {
            if (!IsConsistent(window[i]))
                return false;
            if (i > 0 && window[i].OpenTimeNs != window[i - 1].OpenTimeNs + Minute)
                return false;
            if (i < window.Length - 1 && !window[i].IsClosed)
                return false;
        }
        return window.IsEmpty || info.ExchangeTimeNs == window[^1].OpenTimeNs / Minute;
    }
}
