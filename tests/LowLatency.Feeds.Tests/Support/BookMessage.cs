using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Tests.Support;

/// <summary>Builds the events of one book message, as a parser would write them.</summary>
internal sealed class BookMessage
{
    private readonly List<MarketEvent> _events = [];
    private readonly MarketEventKind _levelKind;
    private readonly MarketEventFlags _flags;
    private readonly int _instrumentId;
    private long _first;
    private long _last;
    private long _previous;
    private uint? _checksum;

    private BookMessage(int instrumentId, MarketEventKind levelKind, MarketEventFlags flags)
    {
        _instrumentId = instrumentId;
        _levelKind = levelKind;
        _flags = flags;
    }

    public static BookMessage Snapshot(long lastUpdateId, int instrumentId = 0, bool fromRest = true) =>
        new BookMessage(instrumentId, MarketEventKind.BookSnapshotLevel, MarketEventFlags.Snapshot | (fromRest ? MarketEventFlags.FromRest : 0)).Ids(lastUpdateId, lastUpdateId, 0);

    public static BookMessage Delta(long first, long last, long previous = 0, int instrumentId = 0) =>
        new BookMessage(instrumentId, MarketEventKind.BookDeltaLevel, MarketEventFlags.None).Ids(first, last, previous);

    public BookMessage Bid(long price, long quantity) => Level(Side.Buy, price, quantity);

    public BookMessage Ask(long price, long quantity) => Level(Side.Sell, price, quantity);

    public BookMessage WithChecksum(uint checksum)
    {
        _checksum = checksum;
        return this;
    }

    public IEnumerable<MarketEvent> Events()
    {
        foreach (var e in _events)
        {
            var level = e;
            level.FirstSequence = _first;
            level.Sequence = _last;
            level.PreviousSequence = _previous;
            yield return level;
        }
        var end = new MarketEvent
        {
            Kind = MarketEventKind.BookEnd,
            InstrumentId = _instrumentId,
            Flags = _flags | (_checksum.HasValue ? MarketEventFlags.HasChecksum : 0),
            Checksum = _checksum ?? 0,
            FirstSequence = _first,
            Sequence = _last,
            PreviousSequence = _previous,
        };
        yield return end;
    }

    public void ApplyTo(OrderBook book)
    {
        foreach (var e in Events())
            book.Apply(in e);
    }

    private BookMessage Ids(long first, long last, long previous)
    {
        _first = first;
        _last = last;
        _previous = previous;
        return this;
    }

    private BookMessage Level(Side side, long price, long quantity)
    {
        _events.Add(new MarketEvent { Kind = _levelKind, InstrumentId = _instrumentId, Side = side, Price = price, Quantity = quantity, Flags = _flags });
        return this;
    }
}
