using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Pipeline;

/// <summary>
/// A venue's parser and order books on one thread: messages in, books and counters out. The
/// offline counterpart of the engine's reader thread plus cache consumer (used by replay,
/// tests and benchmarks).
/// </summary>
/// <remarks>
/// Allocation-free per message once the parser's and books' buffers have grown. Snapshot
/// requests are queued (<see cref="SnapshotRequests"/>) and an anonymous REST snapshot is given
/// to the instrument that asked first.
/// </remarks>
public sealed class FeedProcessor
{
    private readonly IExchangeParser _parser;
    private readonly SeenInstruments _seen = new();

    /// <summary>Creates the processor for <paramref name="definition"/>.</summary>
    /// <param name="definition">The venue.</param>
    /// <param name="instruments">Instrument registry (shared with whoever reads the books).</param>
    /// <param name="options">Parser options (replay registers unknown symbols).</param>
    /// <param name="bookDepth">Subscribed book depth; 0 = the venue's default.</param>
    public FeedProcessor(IExchangeDefinition definition, InstrumentRegistry instruments, ParserOptions options, int bookDepth = 0)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instruments);
        Definition = definition;
        Instruments = instruments;
        _parser = definition.CreateParser(instruments, options);
        var rules = definition.CreateBookRules(bookDepth);
        Books = new OrderBookSet(instruments, _ => rules, SnapshotRequests);
    }

    /// <summary>The venue.</summary>
    public IExchangeDefinition Definition { get; }

    /// <summary>The instrument registry.</summary>
    public InstrumentRegistry Instruments { get; }

    /// <summary>Parse outcome counters.</summary>
    public ParseCounters Counters { get; } = new();

    /// <summary>The books.</summary>
    public OrderBookSet Books { get; }

    /// <summary>Snapshot requests made by the books.</summary>
    public SnapshotRequestQueue SnapshotRequests { get; } = new();

    /// <summary>Instruments that had at least one event, in first-seen order.</summary>
    public IReadOnlyList<int> InstrumentsSeen => _seen.Order;

    /// <summary>Parses a stream message and applies its events.</summary>
    public ParseResult OnMessage(ReadOnlySpan<byte> message, long receiveTimestamp)
    {
        var sink = new Sink(this);
        var result = _parser.Parse(message, new MessageContext(receiveTimestamp, SnapshotRequests.Oldest), ref sink);
        Counters.Record(result);
        return result;
    }

    /// <summary>Parses a REST response body and applies its events.</summary>
    public ParseResult OnRestResponse(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, long receiveTimestamp)
    {
        var sink = new Sink(this);
        var result = _parser.ParseRestResponse(requestUri, body, new MessageContext(receiveTimestamp, SnapshotRequests.Oldest), ref sink);
        Counters.Record(result);
        return result;
    }

    private void Route(in MarketEvent e)
    {
        Books.OnEvent(in e);
        var id = e.InstrumentId;
        if (id < 0)
            return;
        _seen.Add(id);
        if (e.Kind == MarketEventKind.BookEnd && e.Has(MarketEventFlags.Snapshot))
            SnapshotRequests.Satisfied(id);
    }

    private readonly struct Sink(FeedProcessor owner) : IMarketEventSink
    {
        public void OnEvent(in MarketEvent marketEvent) => owner.Route(in marketEvent);
    }
}
