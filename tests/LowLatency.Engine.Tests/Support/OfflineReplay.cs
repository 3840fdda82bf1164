using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Engine.Publishing;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Feed;

namespace LowLatency.Engine.Tests.Support;

/// <summary>What the recorded data says without the engine: parsed offline, in one thread.</summary>
public static class OfflineReplay
{
    /// <summary>Events and digest of every message the replayer serves for <paramref name="symbols"/>, parsed in recording order.</summary>
    public static (long Messages, long Events, ulong Digest) StreamedEvents(RecordedFeed feed, string venue, params string[] symbols)
    {
        var definition = ExchangeCatalog.Get(venue);
        var registry = new InstrumentRegistry();
        foreach (var symbol in symbols)
            registry.Register(new InstrumentSpec(definition.Exchange, definition.Market, symbol, definition.DefaultScales.PriceScale, definition.DefaultScales.QuantityScale));
        var parser = definition.CreateParser(registry, ParserOptions.Default);
        var buffer = new MarketEvent[256];
        long events = 0;
        ulong digest = EventDigest.Seed;
        for (int i = 0; i < feed.Count; i++)
        {
            var collector = new EventCollector(buffer);
            parser.Parse(feed.Payload(i).Span, new MessageContext(0), ref collector);
            buffer = collector.Buffer;
            foreach (ref readonly var e in collector.Events)
            {
                digest = EventDigest.Next(digest, in e);
                events++;
            }
        }
        return (feed.Count, events, digest);
    }

    /// <summary>The best <paramref name="depth"/> levels of <paramref name="symbol"/>'s synced book as decimals, bids then asks.</summary>
    public static (decimal Price, decimal Quantity)[][] Top(FeedProcessor processor, string symbol, int depth)
    {
        var definition = processor.Definition;
        Assert.True(processor.Instruments.TryGet(definition.Exchange, definition.Market, symbol, out var instrument), symbol + " was never seen");
        var book = processor.Books.Find(instrument.Id);
        Assert.Equal(LowLatency.Feeds.Books.BookQuality.Synced, book?.Quality);
        var bids = new LowLatency.Feeds.Books.BookLevel[depth];
        var asks = new LowLatency.Feeds.Books.BookLevel[depth];
        var (bidCount, askCount) = book!.CopyTop(bids, asks);
        return [Decimals(bids.AsSpan(0, bidCount), instrument), Decimals(asks.AsSpan(0, askCount), instrument)];
    }

    /// <summary>The books at the end of the capture, kept by the adapter alone (REST snapshots applied where they were recorded).</summary>
    public static FeedProcessor Books(string venue, params string[] files)
    {
        var processor = new FeedProcessor(ExchangeCatalog.Get(venue), new InstrumentRegistry(), ParserOptions.Discovering);
        using var reader = CaptureFile.Open(files);
        while (reader.TryRead(out var record))
        {
            switch (record.Kind)
            {
                case CaptureRecordKind.Received:
                    processor.OnMessage(record.Body.Span, record.TimestampNs);
                    break;
                case CaptureRecordKind.RestResponse:
                    processor.OnRestResponse(record.Url.Span, record.Body.Span, record.TimestampNs);
                    break;
            }
        }
        return processor;
    }

    private static (decimal, decimal)[] Decimals(ReadOnlySpan<LowLatency.Feeds.Books.BookLevel> levels, Instrument instrument)
    {
        var result = new (decimal, decimal)[levels.Length];
        for (int i = 0; i < levels.Length; i++)
            result[i] = (FixedPointFormatter.ToDecimal(levels[i].Price, instrument.PriceScale), FixedPointFormatter.ToDecimal(levels[i].Quantity, instrument.QuantityScale));
        return result;
    }
}
