using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Snapshots;

namespace LowLatency.Core.Tests.Snapshots;

public sealed class CandleCacheTests
{
    private const long Minute = 60_000_000_000;

    private static Candle Candle(long minute, long close = 100, bool closed = true) =>
        new(minute * Minute, 100, Math.Max(100, close), Math.Min(100, close), close, 5, closed);

    private static long[] OpenMinutes(ReadOnlySpan<Candle> candles)
    {
        var minutes = new long[candles.Length];
        for (int i = 0; i < candles.Length; i++)
            minutes[i] = candles[i].OpenTimeNs / Minute;
        return minutes;
    }

    [Fact]
    public void An_update_with_the_newest_open_time_replaces_the_newest_candle_in_place()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(1, close: 101, closed: false), 10, 20);

        CandleUpsertResult result = cache.Upsert(0, CandleInterval.OneMinute, Candle(1, close: 105, closed: false), 11, 21);

        Assert.Equal(CandleUpsertResult.Replaced, result);
        Assert.True(cache.TryGetLatest(0, CandleInterval.OneMinute, out Candle latest, out CandleSeriesInfo info));
        Assert.Equal(Candle(1, close: 105, closed: false), latest);
        Assert.Equal(1, info.Count);
    }

    [Fact]
    public void A_later_open_time_appends_and_CopyLatest_lists_oldest_first()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);

        Assert.Equal(CandleUpsertResult.Appended, cache.Upsert(0, CandleInterval.OneMinute, Candle(1), 0, 0));
        Assert.Equal(CandleUpsertResult.Appended, cache.Upsert(0, CandleInterval.OneMinute, Candle(2), 0, 0));
        Assert.Equal(CandleUpsertResult.Appended, cache.Upsert(0, CandleInterval.OneMinute, Candle(3), 0, 0));

        Span<Candle> window = new Candle[10];
        int copied = cache.CopyLatest(0, CandleInterval.OneMinute, window, out CandleSeriesInfo info);
        Assert.Equal(3, copied);
        Assert.Equal([1L, 2, 3], OpenMinutes(window[..copied]));
        Assert.Equal(3, info.Count);
    }

    [Fact]
    public void The_window_keeps_the_newest_500_candles_once_the_ring_wraps()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);
        for (long minute = 1; minute <= 1_234; minute++)
            cache.Upsert(0, CandleInterval.OneMinute, Candle(minute), 0, 0);

        var window = new Candle[CandleCache.DefaultDepth + 10];
        int copied = cache.CopyLatest(0, CandleInterval.OneMinute, window, out CandleSeriesInfo info);

        Assert.Equal(500, copied);
        Assert.Equal(500, info.Count);
        long[] expected = Enumerable.Range(735, 500).Select(m => (long)m).ToArray();
        Assert.Equal(expected, OpenMinutes(window.AsSpan(0, copied)));
    }

    [Fact]
    public void Reading_the_last_N_candles_across_the_wrap_point_returns_them_in_order()
    {
        Prop.ForAll(Gen.Choose(1, 1_300).ToArbitrary(), Gen.Choose(0, 520).ToArbitrary(), (appended, wanted) =>
        {
            var cache = new CandleCache(1, [CandleInterval.FiveMinutes], depth: 500);
            for (long minute = 1; minute <= appended; minute++)
                cache.Upsert(0, CandleInterval.FiveMinutes, Candle(minute), 0, 0);

            var window = new Candle[wanted];
            int copied = cache.CopyLatest(0, CandleInterval.FiveMinutes, window, out _);

            int expectedCount = Math.Min(wanted, Math.Min(appended, 500));
            long[] expected = Enumerable.Range(appended - expectedCount + 1, expectedCount).Select(m => (long)m).ToArray();
            return copied == expectedCount && OpenMinutes(window.AsSpan(0, copied)).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_late_final_update_of_an_older_held_candle_replaces_it()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(1, close: 101, closed: false), 0, 0);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(2, close: 102, closed: false), 0, 0);

        CandleUpsertResult result = cache.Upsert(0, CandleInterval.OneMinute, Candle(1, close: 103, closed: true), 0, 0);

        Assert.Equal(CandleUpsertResult.Replaced, result);
        var window = new Candle[2];
        cache.CopyLatest(0, CandleInterval.OneMinute, window, out _);
        Assert.Equal(Candle(1, close: 103, closed: true), window[0]);
        Assert.Equal(Candle(2, close: 102, closed: false), window[1]);
    }

    [Fact]
    public void A_candle_older_than_every_held_one_is_rejected_and_nothing_changes()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute], depth: 3);
        for (long minute = 10; minute <= 15; minute++)
            cache.Upsert(0, CandleInterval.OneMinute, Candle(minute), 0, 0);
        cache.CopyLatest(0, CandleInterval.OneMinute, new Candle[3], out CandleSeriesInfo before);

        CandleUpsertResult result = cache.Upsert(0, CandleInterval.OneMinute, Candle(12), 0, 0);

        Assert.Equal(CandleUpsertResult.Rejected, result);
        var window = new Candle[3];
        cache.CopyLatest(0, CandleInterval.OneMinute, window, out CandleSeriesInfo after);
        Assert.Equal([13L, 14, 15], OpenMinutes(window));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public void A_candle_in_a_skipped_interval_is_rejected()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(1), 0, 0);
        cache.Upsert(0, CandleInterval.OneMinute, Candle(3), 0, 0);

        Assert.Equal(CandleUpsertResult.Rejected, cache.Upsert(0, CandleInterval.OneMinute, Candle(2), 0, 0));
    }

    [Fact]
    public void Series_info_carries_the_times_of_the_last_update()
    {
        var cache = new CandleCache(1, [CandleInterval.OneHour]);
        cache.Upsert(0, CandleInterval.OneHour, Candle(1), exchangeTimeNs: 1_000, receiveTimestamp: 2_000);
        cache.Upsert(0, CandleInterval.OneHour, Candle(1, close: 99), exchangeTimeNs: 1_500, receiveTimestamp: 2_600);

        Assert.True(cache.TryGetLatest(0, CandleInterval.OneHour, out _, out CandleSeriesInfo info));

        Assert.Equal(new CandleSeriesInfo(Count: 1, ExchangeTimeNs: 1_500, ReceiveTimestamp: 2_600, Version: 4), info);
    }

    [Fact]
    public void Series_are_isolated_per_instrument_and_per_timeframe()
    {
        var cache = new CandleCache(2, [CandleInterval.OneMinute, CandleInterval.OneHour]);

        cache.Upsert(0, CandleInterval.OneMinute, Candle(1, close: 101), 0, 0);
        cache.Upsert(0, CandleInterval.OneHour, Candle(60, close: 160), 0, 0);
        cache.Upsert(1, CandleInterval.OneMinute, Candle(2, close: 102), 0, 0);

        Assert.True(cache.TryGetLatest(0, CandleInterval.OneMinute, out Candle a, out _));
        Assert.True(cache.TryGetLatest(0, CandleInterval.OneHour, out Candle b, out _));
        Assert.True(cache.TryGetLatest(1, CandleInterval.OneMinute, out Candle c, out _));
        Assert.False(cache.TryGetLatest(1, CandleInterval.OneHour, out Candle d, out CandleSeriesInfo empty));
        Assert.Equal(101, a.ClosePriceTicks);
        Assert.Equal(160, b.ClosePriceTicks);
        Assert.Equal(102, c.ClosePriceTicks);
        Assert.Equal(default, d);
        Assert.Equal(0, empty.Version);
    }

    [Fact]
    public void A_timeframe_the_cache_does_not_keep_is_rejected_with_the_kept_ones()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute, CandleInterval.OneDay]);

        var ex = Assert.Throws<ArgumentException>(() => cache.Upsert(0, CandleInterval.OneHour, Candle(1), 0, 0));

        Assert.Contains("OneHour", ex.Message);
        Assert.Contains("OneMinute, OneDay", ex.Message);
        Assert.False(cache.Keeps(CandleInterval.OneHour));
        Assert.True(cache.Keeps(CandleInterval.OneDay));
    }

    [Fact]
    public void A_timeframe_listed_twice_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CandleCache(1, [CandleInterval.OneMinute, CandleInterval.OneMinute]));
    }

    [Fact]
    public void A_cache_without_timeframes_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CandleCache(1, ReadOnlySpan<CandleInterval>.Empty));
    }

    [Fact]
    public void An_instrument_id_outside_the_capacity_is_rejected()
    {
        var cache = new CandleCache(2, [CandleInterval.OneMinute]);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => cache.CopyLatest(2, CandleInterval.OneMinute, new Candle[1], out _));

        Assert.Contains("Instrument id 2", ex.Message);
    }

    [Fact]
    public void CopyLatest_allocates_nothing()
    {
        var cache = new CandleCache(1, [CandleInterval.OneMinute]);
        for (long minute = 1; minute <= 600; minute++)
            cache.Upsert(0, CandleInterval.OneMinute, Candle(minute), 0, 0);
        var window = new Candle[100];
        long sink = 0;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            sink += cache.CopyLatest(0, CandleInterval.OneMinute, window, out _);
            if (cache.TryGetLatest(0, CandleInterval.OneMinute, out Candle latest, out _))
                sink += latest.OpenTimeNs / Minute;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000 * (100 + 600), sink);
    }
}
