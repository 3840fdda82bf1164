using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Seqlock;
using LowLatency.Core.Snapshots;

namespace LowLatency.Benchmarks.Micro.Seqlock;

/// <summary>
/// Single-threaded cost of seqlock reads and writes (no contention) next to the lock-based
/// ways of sharing the same 64-byte struct, plus the cache reads built on the seqlock.
/// </summary>
[MemoryDiagnoser]
public class SeqLockBenchmarks
{
    private readonly object _gate = new();
    private SeqLock<Snapshot64> _seqLock = null!;
    private ReaderWriterLockSlim _readerWriterLock = null!;
    private Snapshot64 _lockedValue;
    private TickerCache _tickers = null!;
    private BookTopCache _books = null!;
    private CandleCache _candles = null!;
    private Candle[] _window = null!;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        _seqLock = new SeqLock<Snapshot64>();
        _seqLock.Write(Snapshot64.For(1));
        _readerWriterLock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
        _lockedValue = Snapshot64.For(1);
        _tickers = new TickerCache(64);
        _tickers.Update(7, new TickerSnapshot { BidPriceTicks = 100, AskPriceTicks = 101, Sequence = 1 });
        _books = new BookTopCache(64);
        using (var scope = _books.BeginUpdate(7))
        {
            ref BookTopSnapshot book = ref scope.Value;
            for (int i = 0; i < BookTopLevels.Depth; i++)
            {
                book.Bids[i] = new BookLevel(1_000 - i, 10 + i);
                book.Asks[i] = new BookLevel(1_001 + i, 10 + i);
            }
            book.BidCount = book.AskCount = BookTopLevels.Depth;
            book.State = BookDataState.Live;
        }
        _candles = new CandleCache(8, [CandleInterval.OneMinute]);
        for (long minute = 1; minute <= 600; minute++)
            _candles.Upsert(3, CandleInterval.OneMinute, new Candle(minute * 60_000_000_000, 1, 2, 0, 1, 5, true), 0, 0);
        _window = new Candle[100];
    }

    [GlobalCleanup]
    public void Cleanup() => _readerWriterLock.Dispose();

    [Benchmark(Baseline = true)]
    public long SeqLock_Read64()
    {
        Snapshot64 value = _seqLock.Read();
        return value.FieldSum();
    }

    [Benchmark]
    public long SeqLock_TryRead64() => _seqLock.TryRead(out Snapshot64 value) ? value.FieldSum() : 0;

    [Benchmark]
    public long ReaderWriterLockSlim_Read64()
    {
        Snapshot64 value;
        _readerWriterLock.EnterReadLock();
        try
        {
            value = _lockedValue;
        }
        finally
        {
            _readerWriterLock.ExitReadLock();
        }
        return value.FieldSum();
    }

    [Benchmark]
    public long Lock_Read64()
    {
        Snapshot64 value;
        lock (_gate)
            value = _lockedValue;
        return value.FieldSum();
    }

    [Benchmark]
    public void SeqLock_Write64() => _seqLock.Write(Snapshot64.For(++_counter));

    [Benchmark]
    public void SeqLock_WriteInPlace_TwoFields()
    {
        using var scope = _seqLock.BeginWrite();
        scope.Value.F0 = ++_counter;
        scope.Value.F7 = _counter;
    }

    [Benchmark]
    public long TickerCache_TryGet() => _tickers.TryGet(7, out TickerSnapshot ticker) ? ticker.BidPriceTicks : 0;

    [Benchmark]
    public long BookTopCache_TryGet() => _books.TryGet(7, out BookTopSnapshot book) ? book.BidLevels[0].PriceTicks : 0;

    [Benchmark]
    public int CandleCache_CopyLatest100() => _candles.CopyLatest(3, CandleInterval.OneMinute, _window, out _);
}
