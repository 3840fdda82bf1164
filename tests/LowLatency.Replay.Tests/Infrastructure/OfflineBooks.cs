using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Capture;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// The books a venue's adapter keeps over a capture file read record by record, independently of
/// the replayer's loading and indexing: what a book answer must equal.
/// </summary>
public static class OfflineBooks
{
    /// <summary>The books after the first <paramref name="messages"/> received messages (and the REST snapshots recorded among them).</summary>
    public static FeedProcessor After(string venue, string capture, int messages = int.MaxValue)
    {
        var processor = new FeedProcessor(ExchangeCatalog.Get(venue), new InstrumentRegistry(), ParserOptions.Discovering);
        var files = new List<string> { capture };
        if (CaptureFile.DetectFormat(capture) == CaptureFormat.Cryptofeed)
            files.AddRange(CaptureFile.CryptofeedCompanions(capture));
        using var reader = CaptureFile.Open(files);
        var received = 0;
        while (received < messages && reader.TryRead(out var record))
        {
            if (record.Kind == CaptureRecordKind.Received)
            {
                processor.OnMessage(record.Body.Span, record.TimestampNs);
                received++;
            }
            else if (record.Kind == CaptureRecordKind.RestResponse)
            {
                processor.OnRestResponse(record.Url.Span, record.Body.Span, record.TimestampNs);
            }
        }
        return processor;
    }

    /// <summary>The best <paramref name="depth"/> levels of <paramref name="symbol"/> as decimals, or null when its book is not synced.</summary>
    public static (decimal Price, decimal Quantity)[][]? Top(FeedProcessor processor, string symbol, int depth)
    {
        var definition = processor.Definition;
        if (!processor.Instruments.TryGet(definition.Exchange, definition.Market, symbol, out var instrument)
            || processor.Books.Find(instrument.Id) is not { Quality: BookQuality.Synced } book)
        {
            return null;
        }
        var bids = new BookLevel[depth];
        var asks = new BookLevel[depth];
        var (bidCount, askCount) = book.CopyTop(bids, asks);
        return [Decimals(bids.AsSpan(0, bidCount), instrument), Decimals(asks.AsSpan(0, askCount), instrument)];
    }

    private static (decimal, decimal)[] Decimals(ReadOnlySpan<BookLevel> levels, Instrument instrument)
    {
        var result = new (decimal, decimal)[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            result[i] = (LowLatency.Core.Numerics.FixedPointFormatter.ToDecimal(levels[i].Price, instrument.PriceScale),
                LowLatency.Core.Numerics.FixedPointFormatter.ToDecimal(levels[i].Quantity, instrument.QuantityScale));
        }
        return result;
    }
}
