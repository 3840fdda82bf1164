using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Core.Snapshots;
using BookLevel = LowLatency.Core.Snapshots.BookLevel;
using System.Diagnostics;
using LowLatency.Engine;
using LowLatency.Engine.Metrics;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>Streams captures through the engine (a venue's parser, the ring, the cache, risk and signal consumers) and reports the books it built.</summary>
/// <remarks>
/// The engine runs as it would live, with the capture in place of a connection: received frames
/// are fed as stream messages, HTTP responses as REST answers (book snapshots); sent frames and
/// connects are skipped. A cryptofeed WebSocket capture brings its HTTP companion files (the REST
/// snapshots) along. Symbols are discovered from the capture. A malformed message is counted; an
/// unreadable capture line stops the run with a <see cref="CaptureFormatException"/>. The report is
/// read once the consumers have processed everything fed.
/// </remarks>
public static class ReplayRunner
{
    // Instrument data (Kraken's instrument snapshot) registers every pair of the exchange; the
    // report is about books, so the candle cache keeps one candle per instrument.
    private const int InstrumentCapacity = 4096;
    private const int CandleDepth = 1;
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs the replay described by <paramref name="options"/>.</summary>
    /// <exception cref="UnknownExchangeException">The venue is not in the catalog.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="CaptureFormatException">A capture line is unreadable.</exception>
    /// <exception cref="ReplayArgumentException">The instruments file is not instrument data for the venue.</exception>
    public static async Task<ReplayReport> RunAsync(ReplayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var definition = ExchangeCatalog.Get(options.Exchange);
        var files = ResolveFiles(options);
        await using var engine = new EngineBuilder()
            .AddExchange(definition.Name, o => o.BookDepth = options.BookDepth)
            .WithInstrumentCapacity(InstrumentCapacity)
            .WithCandles(CandleDepth, CandleInterval.OneMinute)
            .Build();
        var feed = engine.OpenOfflineFeed(definition.Name, registerUnknownSymbols: true);

        if (options.InstrumentsFile is not null)
        {
            var result = feed.OnMessage(File.ReadAllBytes(RequireFile(options.InstrumentsFile)));
            if (result.Status != ParseStatus.Ok)
                throw new ReplayArgumentException($"{options.InstrumentsFile} is not {definition.Name} instrument data ({result.Status} {result.Error})");
        }
        var counters = feed.Counters;
        var baseline = (counters.Messages, counters.Events, counters.Errors, counters.Unknown);
        var gcBefore = GcCounts.Now();
        long started = Stopwatch.GetTimestamp();

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
                        feed.OnMessage(record.Body.Span);
                        break;
                    case CaptureRecordKind.RestResponse:
                        feed.OnRestResponse(record.Url.Span, record.Body.Span);
                        break;
                }
            }
        }
        if (!feed.WaitUntilProcessed(ProcessingTimeout))
            throw new TimeoutException($"the engine's consumers did not process the capture within {ProcessingTimeout.TotalSeconds:0} s of the last message.");
        var elapsed = Stopwatch.GetElapsedTime(started);
        var status = engine.GetStatus();
        var figures = new ReplayEngineFigures(elapsed.TotalSeconds, status.Latency, GcCounts.Now().Since(gcBefore), status.Ring.Overruns);

        var instruments = feed.InstrumentsSeen
            .Select(id => engine.Instruments.Get(id))
            .Select(instrument => Describe(engine, instrument))
            .ToArray();
        return new ReplayReport(
            definition.Name,
            counters.Messages - baseline.Messages,
            counters.Events - baseline.Events,
            counters.Errors - baseline.Errors,
            counters.Unknown - baseline.Unknown,
            instruments,
            figures);
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

    private static InstrumentReport Describe(MarketDataEngine engine, Instrument instrument)
    {
        var book = engine.GetBookStatus(instrument);
        if (book.Quality is not { } quality)
            return new InstrumentReport(instrument.Symbol, null, null, null, null, 0, 0, "no_book", 0, 0, 0, 0, 0, 0);
        engine.BookTops.TryGet(instrument.Id, out var top);
        bool live = top.State == BookDataState.Live;
        string? Price(ReadOnlySpan<BookLevel> side) => live && side.Length > 0 ? FixedPointFormatter.Format(side[0].PriceTicks, instrument.PriceScale) : null;
        string? Quantity(ReadOnlySpan<BookLevel> side) => live && side.Length > 0 ? FixedPointFormatter.Format(side[0].Quantity, instrument.QuantityScale) : null;
        return new InstrumentReport(
            instrument.Symbol,
            Price(top.BidLevels), Quantity(top.BidLevels), Price(top.AskLevels), Quantity(top.AskLevels),
            book.BidLevels, book.AskLevels,
            State(quality),
            book.Gaps, book.Resyncs, book.ChecksumOk, book.ChecksumFailed, book.CrossChecksCompared, book.CrossChecksMatched);
    }

    private static string State(BookQuality quality) => quality switch
    {
        BookQuality.Synced => "synced",
        BookQuality.Resyncing => "resyncing",
        BookQuality.Stale => "stale",
        _ => "awaiting_snapshot",
    };
}
