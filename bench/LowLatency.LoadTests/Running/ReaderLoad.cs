using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Feed;

namespace LowLatency.LoadTests.Running;

/// <summary>
/// M threads reading the engine's snapshots in a tight loop while data flows, each read timed on
/// its own (two <see cref="Stopwatch.GetTimestamp"/> calls around it) into the thread's own
/// histogram per operation; disposing stops and joins them.
/// </summary>
/// <remarks>
/// Each operation's allocations are counted on the reader's thread around its call (the histogram
/// record and the timer reads between them allocate nothing). Every read is also checked: a ticker or book top whose best bid is at or above its best ask
/// counts as crossed (the recorded market never crosses, so a crossed read would be a torn one).
/// </remarks>
public sealed class ReaderLoad : IDisposable
{
    private static readonly ReadOperation[] Operations = Enum.GetValues<ReadOperation>();
    private readonly EngineClient _client;
    private readonly Thread[] _threads;
    private readonly LatencyHistogram[,] _latency;
    private readonly long[,] _fromRest;
    private readonly long[,] _allocated;
    private readonly long[] _crossed;
    private volatile bool _stop;
    private long _startTicks;
    private long _stopTicks;

    /// <summary>Starts <paramref name="readers"/> threads on <paramref name="client"/>'s engine.</summary>
    public ReaderLoad(EngineClient client, int readers)
    {
        _client = client;
        _latency = new LatencyHistogram[readers, Operations.Length];
        _fromRest = new long[readers, Operations.Length];
        _allocated = new long[readers, Operations.Length];
        _crossed = new long[readers];
        for (int r = 0; r < readers; r++)
        {
            for (int o = 0; o < Operations.Length; o++)
                _latency[r, o] = new LatencyHistogram();
        }
        _threads = new Thread[readers];
        _startTicks = Stopwatch.GetTimestamp();
        for (int r = 0; r < readers; r++)
        {
            int reader = r;
            _threads[r] = new Thread(() => Read(reader)) { IsBackground = true, Name = "load-reader " + r };
            _threads[r].Start();
        }
    }

    /// <summary>Seconds the readers ran.</summary>
    public double Seconds => (_stopTicks - _startTicks) / (double)Stopwatch.Frequency;

    /// <summary>Reads that saw best bid at or above best ask.</summary>
    public long Crossed => _crossed.Sum();

    /// <summary>All threads' latencies of <paramref name="operation"/>, merged.</summary>
    public LatencyHistogram Latency(ReadOperation operation)
    {
        var merged = new LatencyHistogram();
        for (int r = 0; r < _threads.Length; r++)
            merged.Add(_latency[r, (int)operation]);
        return merged;
    }

    /// <summary>Reads of <paramref name="operation"/> the unified feed served from REST instead of the cache.</summary>
    public long FromRest(ReadOperation operation)
    {
        long total = 0;
        for (int r = 0; r < _threads.Length; r++)
            total += _fromRest[r, (int)operation];
        return total;
    }

    /// <summary>Bytes the reader threads allocated inside <paramref name="operation"/>'s calls.</summary>
    public long Allocated(ReadOperation operation)
    {
        long total = 0;
        for (int r = 0; r < _threads.Length; r++)
            total += _allocated[r, (int)operation];
        return total;
    }

    /// <summary>Stops and joins the readers.</summary>
    public void Dispose()
    {
        _stop = true;
        foreach (var thread in _threads)
            thread.Join();
        _stopTicks = Stopwatch.GetTimestamp();
    }

    private void Read(int reader)
    {
        var engine = _client.Engine;
        int id = _client.Instrument.Id;
        const string venue = E2EFeed.Venue;
        const string symbol = E2EFeed.Symbol;
        var histograms = Enumerable.Range(0, Operations.Length).Select(o => _latency[reader, o]).ToArray();
        while (!_stop)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            bool ticker = engine.Tickers.TryGet(id, out var t);
            histograms[0].Record(StopwatchTime.ElapsedNanoseconds(start, Stopwatch.GetTimestamp()));
            bytes = Charge(reader, ReadOperation.TickerSnapshot, bytes);
            if (ticker && t.BidPriceTicks != 0 && t.AskPriceTicks != 0 && t.BidPriceTicks >= t.AskPriceTicks)
                _crossed[reader]++;

            start = Stopwatch.GetTimestamp();
            bool book = engine.BookTops.TryGet(id, out var b);
            histograms[1].Record(StopwatchTime.ElapsedNanoseconds(start, Stopwatch.GetTimestamp()));
            bytes = Charge(reader, ReadOperation.BookSnapshot, bytes);
            if (book && b.BidCount > 0 && b.AskCount > 0 && b.BidLevels[0].PriceTicks >= b.AskLevels[0].PriceTicks)
                _crossed[reader]++;

            start = Stopwatch.GetTimestamp();
            var tickerTask = engine.GetTickerAsync(venue, symbol);
            TickerResult tickerResult = tickerTask.IsCompletedSuccessfully ? tickerTask.Result : tickerTask.AsTask().GetAwaiter().GetResult();
            histograms[2].Record(StopwatchTime.ElapsedNanoseconds(start, Stopwatch.GetTimestamp()));
            bytes = Charge(reader, ReadOperation.GetTicker, bytes);
            if (tickerResult.Source != DataSource.Cache)
                _fromRest[reader, 2]++;

            start = Stopwatch.GetTimestamp();
            var bookTask = engine.GetBookAsync(venue, symbol);
            BookResult bookResult = bookTask.IsCompletedSuccessfully ? bookTask.Result : bookTask.AsTask().GetAwaiter().GetResult();
            histograms[3].Record(StopwatchTime.ElapsedNanoseconds(start, Stopwatch.GetTimestamp()));
            Charge(reader, ReadOperation.GetBook, bytes);
            if (bookResult.Source != DataSource.Cache)
                _fromRest[reader, 3]++;
        }
    }

    /// <summary>Adds what this thread allocated since <paramref name="before"/> to <paramref name="operation"/>; returns the counter now.</summary>
    private long Charge(int reader, ReadOperation operation, long before)
    {
        long now = GC.GetAllocatedBytesForCurrentThread();
        _allocated[reader, (int)operation] += now - before;
        return now;
    }
}
