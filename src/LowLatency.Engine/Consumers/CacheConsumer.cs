using System.Diagnostics;
using System.Runtime.CompilerServices;
using LowLatency.Core.Metrics;
using LowLatency.Core.Ring;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Books;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using BookTopLevel = LowLatency.Core.Snapshots.BookLevel;

namespace LowLatency.Engine.Consumers;

/// <summary>
/// The first consumer of the ring: owns every full-depth order book and writes the seqlock caches
/// (tickers, book tops, candles) that any thread reads.
/// </summary>
/// <remarks>
/// <para>Single-threaded and lock-free: books change only here. After each book message it
/// publishes the book's top levels (or flags the top stale while the book resynchronises), its
/// quality and counters; each event stamps its channel's last-update time, which freshness checks
/// read.</para>
/// <para>A ring overrun (<see cref="FullRingPolicy.DropAndFlagGap"/>) cannot say which instrument
/// lost data, so every book goes stale and resynchronises.</para>
/// <para>Tickers take their best bid and ask from the venue's quote stream (ticker or
/// best-bid-offer) when the instrument has one, else from the book's top.</para>
/// </remarks>
internal sealed class CacheConsumer : IEventHandler<MarketEvent>
{
    private readonly RingBuffer<MarketEvent> _ring;
    private readonly bool _countLoss;
    private readonly OrderBookSet _books;
    private readonly TickerCache _tickers;
    private readonly BookTopCache _bookTops;
    private readonly CandleCache _candles;
    private readonly InstrumentBoard _board;
    private readonly bool[] _hasQuoteStream;
    private readonly BookQuality[] _publishedQuality;
    private readonly ICacheVisibilityObserver? _observer;
    private long _events;
    private long _losses;

    public CacheConsumer(RingBuffer<MarketEvent> ring, OrderBookSet books, TickerCache tickers, BookTopCache bookTops, CandleCache candles, InstrumentBoard board,
        AllocationProbe probe, ICacheVisibilityObserver? observer = null)
    {
        Probe = probe;
        _observer = observer;
        _ring = ring;
        _countLoss = ring.Policy == FullRingPolicy.DropAndFlagGap;
        _books = books;
        _tickers = tickers;
        _bookTops = bookTops;
        _candles = candles;
        _board = board;
        _hasQuoteStream = new bool[board.Capacity];
        _publishedQuality = new BookQuality[board.Capacity];
    }

    /// <summary>Receive → cache-visible latency (recorded on this consumer's thread).</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>This consumer thread's allocation counter, sampled per batch.</summary>
    public AllocationProbe Probe { get; }

    /// <summary>Events handled.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary>Ring overruns seen (each made every book stale).</summary>
    public long LossesObserved => Volatile.Read(ref _losses);

    /// <inheritdoc />
    public void OnEvent(ref MarketEvent data, long sequence, bool endOfBatch)
    {
        if (_countLoss && _ring.LostBefore(sequence) != 0)
            OnRingLoss();
        int id = data.InstrumentId;
        if ((uint)id < (uint)_hasQuoteStream.Length)
            Apply(ref data, id);
        Volatile.Write(ref _events, _events + 1);
        if (endOfBatch)
            Probe.Sample(_events);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Apply(ref MarketEvent e, int id)
    {
        switch (e.Kind)
        {
            case MarketEventKind.BookSnapshotLevel:
            case MarketEventKind.BookDeltaLevel:
                _books.OnEvent(in e);
                return;
            case MarketEventKind.BookEnd:
                _books.OnEvent(in e);
                PublishBook(id, in e);
                break;
            case MarketEventKind.Trade:
                UpdateLastTrade(id, in e);
                break;
            case MarketEventKind.Ticker:
                _hasQuoteStream[id] = true;
                UpdateTicker(id, in e);
                break;
            case MarketEventKind.BestBidOffer:
                _hasQuoteStream[id] = true;
                _books.OnEvent(in e);
                UpdateQuote(id, in e);
                break;
            case MarketEventKind.Candle:
                UpdateCandle(id, in e);
                break;
            case MarketEventKind.Gap:
                _books.OnEvent(in e);
                PublishQuality(id);
                return;
            default:
                return;
        }
        int channel = TrackedChannels.IndexOf(e.Kind);
        _board.Touch(id, channel, e.ReceiveTimestamp);
        long visible = Stopwatch.GetTimestamp();
        Latency.Record(StopwatchTime.ElapsedNanoseconds(e.ReceiveTimestamp, visible));
        _observer?.OnVisible(in e, visible);
    }

    private void PublishBook(int id, in MarketEvent end)
    {
        if (_books.Find(id) is not { } book)
            return;
        _board.SetCounters(id, book);
        if (book.Quality != BookQuality.Synced)
        {
            PublishQuality(id);
            return;
        }
        using (var scope = _bookTops.BeginUpdate(id))
        {
            ref var top = ref scope.Value;
            top.BidCount = CopyLevels(book.Bids, top.Bids);
            top.AskCount = CopyLevels(book.Asks, top.Asks);
            top.ExchangeTimeNs = end.ExchangeTimeNs;
            top.ReceiveTimestamp = end.ReceiveTimestamp;
            top.UpdateId = book.LastSequence;
            top.State = BookDataState.Live;
        }
        if (_publishedQuality[id] != BookQuality.Synced)
        {
            _publishedQuality[id] = BookQuality.Synced;
            _board.SetBookQuality(id, BookQuality.Synced);
        }
        if (!_hasQuoteStream[id] && book.Bids.Count > 0 && book.Asks.Count > 0)
        {
            using var scope = _tickers.BeginUpdate(id);
            ref var ticker = ref scope.Value;
            ticker.BidPriceTicks = book.Bids.BestPrice;
            ticker.BidQuantity = book.Bids.BestQuantity;
            ticker.AskPriceTicks = book.Asks.BestPrice;
            ticker.AskQuantity = book.Asks.BestQuantity;
            ticker.ExchangeTimeNs = end.ExchangeTimeNs;
            ticker.ReceiveTimestamp = end.ReceiveTimestamp;
            ticker.Sequence = book.LastSequence;
        }
    }

    /// <summary>Publishes a book's quality after it left <see cref="BookQuality.Synced"/> (or before it first got there), flagging its top stale once.</summary>
    private void PublishQuality(int id)
    {
        if (_books.Find(id) is not { } book)
            return;
        var quality = book.Quality;
        if (_publishedQuality[id] == quality && _board.BookQuality(id) is not null)
            return;
        if (_publishedQuality[id] == BookQuality.Synced)
            _bookTops.MarkStale(id);
        _publishedQuality[id] = quality;
        _board.SetBookQuality(id, quality);
        _board.SetCounters(id, book);
    }

    private static int CopyLevels(OrderBookSide side, Span<BookTopLevel> levels)
    {
        int count = Math.Min(side.Count, levels.Length);
        for (int depth = 0; depth < count; depth++)
        {
            var level = side[depth];
            levels[depth] = new BookTopLevel(level.Price, level.Quantity);
        }
        return count;
    }

    private void UpdateLastTrade(int id, in MarketEvent trade)
    {
        using var scope = _tickers.BeginUpdate(id);
        ref var ticker = ref scope.Value;
        ticker.LastPriceTicks = trade.Price;
        ticker.LastQuantity = trade.Quantity;
        ticker.ExchangeTimeNs = trade.ExchangeTimeNs;
        ticker.ReceiveTimestamp = trade.ReceiveTimestamp;
    }

    private void UpdateTicker(int id, in MarketEvent e)
    {
        using var scope = _tickers.BeginUpdate(id);
        ref var ticker = ref scope.Value;
        ticker.BidPriceTicks = e.BidPrice;
        ticker.BidQuantity = e.BidQuantity;
        ticker.AskPriceTicks = e.AskPrice;
        ticker.AskQuantity = e.AskQuantity;
        if (e.LastPrice != 0)
            ticker.LastPriceTicks = e.LastPrice;
        ticker.Volume24h = e.Volume;
        ticker.ExchangeTimeNs = e.ExchangeTimeNs;
        ticker.ReceiveTimestamp = e.ReceiveTimestamp;
        ticker.Sequence = e.Sequence;
    }

    private void UpdateQuote(int id, in MarketEvent e)
    {
        using var scope = _tickers.BeginUpdate(id);
        ref var ticker = ref scope.Value;
        ticker.BidPriceTicks = e.BidPrice;
        ticker.BidQuantity = e.BidQuantity;
        ticker.AskPriceTicks = e.AskPrice;
        ticker.AskQuantity = e.AskQuantity;
        ticker.ExchangeTimeNs = e.ExchangeTimeNs;
        ticker.ReceiveTimestamp = e.ReceiveTimestamp;
        ticker.Sequence = e.Sequence;
    }

    private void UpdateCandle(int id, in MarketEvent e)
    {
        if (!CandleIntervals.TryFromSeconds(e.IntervalSeconds, out var interval) || !_candles.Keeps(interval))
            return;
        var candle = new Candle(e.ExchangeTimeNs, e.Open, e.High, e.Low, e.Close, e.Volume, e.Has(MarketEventFlags.CandleClosed));
        _candles.Upsert(id, interval, candle, e.ExchangeTimeNs, e.ReceiveTimestamp);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnRingLoss()
    {
        Volatile.Write(ref _losses, _losses + 1);
        _books.OnEvent(new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1 });
        foreach (var book in _books.Books)
            PublishQuality(book.InstrumentId);
    }
}
