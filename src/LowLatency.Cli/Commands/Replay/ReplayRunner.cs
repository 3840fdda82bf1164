using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>Streams captures through a venue's adapter and books and reports the result.</summary>
/// <remarks>
/// Received frames go to the parser as messages, HTTP responses as REST responses; sent frames
/// and connects are skipped. A cryptofeed WebSocket capture brings its HTTP companion files
/// (the REST snapshots) along. Symbols are discovered from the capture. A malformed message is
/// counted; an unreadable capture line stops the run with a <see cref="CaptureFormatException"/>.
/// </remarks>
public static class ReplayRunner
{
    /// <summary>Runs the replay described by <paramref name="options"/>.</summary>
    /// <exception cref="UnknownExchangeException">The venue is not in the catalog.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="CaptureFormatException">A capture line is unreadable.</exception>
    /// <exception cref="ReplayArgumentException">The instruments file is not instrument data for the venue.</exception>
    public static ReplayReport Run(ReplayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var definition = ExchangeCatalog.Get(options.Exchange);
        var files = ResolveFiles(options);
        var processor = new FeedProcessor(definition, new InstrumentRegistry(), ParserOptions.Discovering, options.BookDepth);

        if (options.InstrumentsFile is not null)
        {
            var result = processor.OnMessage(File.ReadAllBytes(RequireFile(options.InstrumentsFile)), 0);
            if (result.Status != ParseStatus.Ok)
                throw new ReplayArgumentException($"{options.InstrumentsFile} is not {definition.Name} instrument data ({result.Status} {result.Error})");
        }
        var baseline = (processor.Counters.Messages, processor.Counters.Events, processor.Counters.Errors, processor.Counters.Unknown);

        using (var reader = CaptureFile.Open(files, options.Format))
        {
            var records = 0L;
            while (reader.TryRead(out var record))
            {
                if ((++records & 0xFFFF) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
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
        }

        var instruments = processor.InstrumentsSeen.Select(id => Describe(processor.Instruments.Get(id), processor.Books.Find(id))).ToArray();
        return new ReplayReport(
            definition.Name,
            processor.Counters.Messages - baseline.Messages,
            processor.Counters.Events - baseline.Events,
            processor.Counters.Errors - baseline.Errors,
            processor.Counters.Unknown - baseline.Unknown,
            instruments);
    }

    private static List<string> ResolveFiles(ReplayOptions options)
    {
        var files = options.Files.Select(RequireFile).ToList();
        foreach (var file in options.Files)
        {
            if ((options.Format ?? CaptureFile.DetectFormat(file)) != CaptureFormat.Cryptofeed)
                continue;
            foreach (var companion in CaptureFile.CryptofeedCompanions(file))
            {
                if (!files.Any(f => Path.GetFullPath(f) == Path.GetFullPath(companion)))
                    files.Insert(0, companion);
            }
        }
        return files;
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"file not found: {path}", path);

    private static InstrumentReport Describe(Instrument instrument, OrderBook? book)
    {
        if (book is null)
            return new InstrumentReport(instrument.Symbol, null, null, null, null, 0, 0, "no_book", 0, 0, 0, 0, 0, 0);
        string? Price(OrderBookSide side) => side.Count > 0 ? FixedPointFormatter.Format(side.BestPrice, instrument.PriceScale) : null;
        string? Quantity(OrderBookSide side) => side.Count > 0 ? FixedPointFormatter.Format(side.BestQuantity, instrument.QuantityScale) : null;
        var c = book.Counters;
        return new InstrumentReport(
            instrument.Symbol,
            Price(book.Bids), Quantity(book.Bids), Price(book.Asks), Quantity(book.Asks),
            book.Bids.Count, book.Asks.Count,
            State(book.Quality),
            c.Gaps, c.Resyncs, c.ChecksumOk, c.ChecksumFailed, c.CrossChecksCompared, c.CrossChecksMatched);
    }

    private static string State(BookQuality quality) => quality switch
    {
        BookQuality.Synced => "synced",
        BookQuality.Resyncing => "resyncing",
        BookQuality.Stale => "stale",
        _ => "awaiting_snapshot",
    };
}
