using LowLatency.Core.Instruments;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Books;

/// <summary>The order books of many instruments, indexed by instrument id, fed by events.</summary>
/// <remarks>
/// Owned by one thread (the cache consumer in the engine, the replay loop offline). Book events
/// create the book of their instrument on first sight, with the rules the factory gives for it;
/// best-bid-offers go to existing books for cross-checks; a connection-wide
/// <see cref="MarketEventKind.Gap"/> (instrument -1) marks every book stale.
/// </remarks>
public sealed class OrderBookSet : IMarketEventSink
{
    private readonly InstrumentRegistry _instruments;
    private readonly Func<Instrument, BookRules?> _rulesFor;
    private readonly IBookResyncHandler? _resync;
    private OrderBook?[] _books = new OrderBook?[16];
    private bool[] _withoutBook = new bool[16];
    private readonly List<OrderBook> _created = [];

    /// <summary>Creates an empty set.</summary>
    /// <param name="instruments">Registry that gives each instrument's scales.</param>
    /// <param name="rulesFor">Book rules per instrument; null means the instrument has no book.</param>
    /// <param name="resync">Who services snapshot requests; null to only count them.</param>
    public OrderBookSet(InstrumentRegistry instruments, Func<Instrument, BookRules?> rulesFor, IBookResyncHandler? resync = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(rulesFor);
        _instruments = instruments;
        _rulesFor = rulesFor;
        _resync = resync;
    }

    /// <summary>The books created so far, in creation order.</summary>
    public IReadOnlyList<OrderBook> Books => _created;

    /// <summary>The book of <paramref name="instrumentId"/>, or null when none exists yet.</summary>
    public OrderBook? Find(int instrumentId) =>
        (uint)instrumentId < (uint)_books.Length ? _books[instrumentId] : null;

    /// <summary>The book of <paramref name="instrumentId"/>, created when new; null when its rules say it has none.</summary>
    public OrderBook? GetOrCreate(int instrumentId)
    {
        if ((uint)instrumentId < (uint)_books.Length)
        {
            var book = _books[instrumentId];
            if (book is not null || _withoutBook[instrumentId])
                return book;
        }
        return Create(instrumentId);
    }

    /// <inheritdoc />
    public void OnEvent(in MarketEvent marketEvent)
    {
        switch (marketEvent.Kind)
        {
            case MarketEventKind.BookSnapshotLevel:
            case MarketEventKind.BookDeltaLevel:
            case MarketEventKind.BookEnd:
                GetOrCreate(marketEvent.InstrumentId)?.Apply(in marketEvent);
                break;
            case MarketEventKind.BestBidOffer:
                Find(marketEvent.InstrumentId)?.Apply(in marketEvent);
                break;
            case MarketEventKind.Gap when marketEvent.InstrumentId < 0:
                foreach (var book in _created)
                    book.MarkStale();
                break;
            case MarketEventKind.Gap:
                Find(marketEvent.InstrumentId)?.MarkStale();
                break;
        }
    }

    private OrderBook? Create(int instrumentId)
    {
        var instrument = _instruments.Get(instrumentId);
        if (instrumentId >= _books.Length)
        {
            var size = _books.Length;
            while (size <= instrumentId)
                size *= 2;
            Array.Resize(ref _books, size);
            Array.Resize(ref _withoutBook, size);
        }
        var rules = _rulesFor(instrument);
        if (rules is null)
        {
            _withoutBook[instrumentId] = true;
            return null;
        }
        var book = new OrderBook(instrumentId, instrument.PriceScale, instrument.QuantityScale, rules, _resync);
        _books[instrumentId] = book;
        _created.Add(book);
        return book;
    }
}
