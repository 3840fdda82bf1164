using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Books;

/// <summary>
/// One venue's books over a recorded feed: the venue's own adapter and book rules
/// (<see cref="FeedProcessor"/>) run over the recorded messages, and the REST snapshots recorded
/// between them, up to a replay position.
/// </summary>
/// <remarks>
/// Positions only move forward while a replay runs, so the books are advanced from where the last
/// read left them; an earlier position (a looping replay) starts over from the first message.
/// One lock serialises readers: a read is a REST answer, and the books are owned by whoever holds it.
/// </remarks>
internal sealed class RecordedBookCursor
{
    private readonly RecordedFeed _feed;
    private readonly IExchangeDefinition _definition;
    private readonly RecordedRestResponse[] _snapshots;
    private readonly Lock _gate = new();
    private FeedProcessor _processor;
    private int _position;
    private int _nextSnapshot;

    public RecordedBookCursor(RecordedFeed feed, IExchangeDefinition definition)
    {
        _feed = feed;
        _definition = definition;
        _snapshots = [.. feed.RestResponses.OrderBy(r => r.Position)];
        _processor = NewProcessor();
    }

    /// <summary>The best <paramref name="depth"/> levels of <paramref name="symbol"/>'s book after <paramref name="position"/> messages; null when it is not synced there.</summary>
    public BookTop? Top(string symbol, int position, int depth)
    {
        lock (_gate)
        {
            if (position < _position)
            {
                _processor = NewProcessor();
                _position = 0;
                _nextSnapshot = 0;
            }
            while (_position < position)
            {
                ApplySnapshotsUpTo(_position);
                _processor.OnMessage(_feed.Payload(_position).Span, _feed.TimestampNs(_position));
                _position++;
            }
            ApplySnapshotsUpTo(position);
            return Read(symbol, depth);
        }
    }

    private FeedProcessor NewProcessor() => new(_definition, new InstrumentRegistry(), ParserOptions.Discovering);

    private void ApplySnapshotsUpTo(int position)
    {
        while (_nextSnapshot < _snapshots.Length && _snapshots[_nextSnapshot].Position <= position)
        {
            var snapshot = _snapshots[_nextSnapshot++];
            if (RequestUri(snapshot) is { } uri)
                _processor.OnRestResponse(Encoding.UTF8.GetBytes(uri.ToString()), snapshot.Body, snapshot.TimestampNs);
        }
    }

    // Recorded responses are kept by path (KuCoin) or by the protocol's endpoint name (Binance's
    // "depth"); either way the adapter needs the URL it would have asked.
    private Uri? RequestUri(RecordedRestResponse snapshot)
    {
        if (!snapshot.Endpoint.StartsWith('/'))
            return snapshot.Symbol is { } symbol ? _definition.BookSnapshotUri(symbol) : null;
        var query = snapshot.Symbol is { } named ? "?symbol=" + Uri.EscapeDataString(named) : string.Empty;
        return new Uri(_definition.Endpoints.Rest, snapshot.Endpoint + query);
    }

    private BookTop? Read(string symbol, int depth)
    {
        if (!_processor.Instruments.TryGet(_definition.Exchange, _definition.Market, symbol, out var instrument)
            || _processor.Books.Find(instrument.Id) is not { Quality: BookQuality.Synced } book)
        {
            return null;
        }
        var bids = new BookLevel[depth];
        var asks = new BookLevel[depth];
        var (bidCount, askCount) = book.CopyTop(bids, asks);
        return new BookTop(Levels(bids.AsSpan(0, bidCount), instrument), Levels(asks.AsSpan(0, askCount), instrument),
            book.LastSequence, book.LastExchangeTimeNs / 1_000_000);
    }

    private static BookTopLevel[] Levels(ReadOnlySpan<BookLevel> levels, Instrument instrument)
    {
        var texts = new BookTopLevel[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            texts[i] = new BookTopLevel(Text(level.Price, instrument.PriceScale, level.PriceFractionDigits),
                Text(level.Quantity, instrument.QuantityScale, level.QuantityFractionDigits));
        }
        return texts;
    }

    // The digits the exchange sent, unless the value needs more (a level set without its text).
    private static string Text(long value, int scale, int sentDigits)
    {
        var exact = FixedPointFormatter.Format(value, scale);
        var dot = exact.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? 0 : exact.Length - dot - 1;
        return sentDigits > digits ? FixedPointFormatter.Format(value, scale, Math.Min(sentDigits, scale)) : exact;
    }
}
