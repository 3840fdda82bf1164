using System.Diagnostics;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Engine;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using ReplayServer = LowLatency.Replay.Server.Replayer;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>
/// Runs the demo: one replayer per recording on loopback, the engine connected to them exactly as
/// to the exchanges (WebSocket streams, REST snapshots), a counting strategy, and a frame of
/// figures at every refresh until the duration ends or the run is cancelled.
/// </summary>
/// <remarks>
/// Replayers loop their recording, so the data keeps flowing whatever the duration and speed.
/// Allocation per message is measured on the hot threads themselves between the end of warm-up
/// (every recording played once, and a quarter of the run gone) and the end; a run too short to
/// warm up reports it from the start, and says so.
/// </remarks>
public static class DemoRun
{
    /// <summary>Runs the demo, calling <paramref name="onFrame"/> every <paramref name="refresh"/>.</summary>
    /// <exception cref="DemoArgumentException">The fixtures cannot be found, or no recording can be played.</exception>
    public static async Task<DemoSummary> RunAsync(DemoOptions options, TimeSpan refresh, Action<DemoFrame> onFrame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onFrame);
        var fixtures = FixtureLocator.Find(options.FixturesDirectory);
        var (recordings, skipped) = DemoRecordings.Select(fixtures);
        if (recordings.Count == 0)
            throw new DemoArgumentException("no recording to play: " + string.Join("; ", skipped));

        var replayers = new List<ReplayServer>();
        var temporary = new List<string>();
        try
        {
            var registry = new InstrumentRegistry();
            // At full speed a recording can outrun the REST snapshot by far: books buffer all of it.
            var builder = new EngineBuilder().UseInstruments(registry).Configure(o => o.BookBufferEvents = 1 << 20);
            foreach (var recording in recordings)
            {
                var feed = recording.TimeField is { } field
                    ? RecordedFeed.Load(recording.Venue, [.. recording.Files.Select(f => Remember(temporary, TimedCapture.Write(Path.Combine(fixtures, f), field)))], CaptureFormat.Hbt)
                    : RecordedFeed.Load(recording.Venue, [.. recording.Files.Select(f => Path.Combine(fixtures, f))], recording.Format);
                var replayer = ReplayServer.Start(feed, new ReplayerOptions { Speed = options.Speed, Loop = true });
                replayers.Add(replayer);
                builder.AddExchange(recording.Venue, e =>
                {
                    e.WebSocketUrl = replayer.Url;
                    e.RestUrl = replayer.RestUrl;
                    e.BookDepth = recording.BookDepth;
                });
                if (recording.InstrumentsFile is { } instruments)
                    RegisterInstruments(recording.Venue, Path.Combine(fixtures, instruments), registry);
            }
            await using var engine = builder.Build();
            var recorded = recordings.Zip(replayers).ToDictionary(
                p => "reader " + ExchangeCatalog.Get(p.First.Venue).Exchange + "_" + ExchangeCatalog.Get(p.First.Venue).Market, p => (long)p.Second.Feed.Count);
            return await RunEngineAsync(engine, options, recordings, skipped, recorded, refresh, onFrame, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var replayer in replayers)
                await replayer.DisposeAsync().ConfigureAwait(false);
            foreach (var file in temporary)
                File.Delete(file);
        }
    }

    private static async Task<DemoSummary> RunEngineAsync(MarketDataEngine engine, DemoOptions options, IReadOnlyList<DemoRecording> recordings,
        IReadOnlyList<string> skipped, IReadOnlyDictionary<string, long> recordedMessages, TimeSpan refresh, Action<DemoFrame> onFrame, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var gcAtStart = GcCounts.Now();
        var strategy = new DemoStrategy(engine.Tickers.InstrumentCapacity);
        var session = engine.AddStrategy("demo", strategy);
        var instruments = new List<(string Venue, Instrument Instrument)>();
        foreach (var recording in recordings)
        {
            foreach (var symbol in recording.Symbols)
            {
                await session.SubscribeAsync(recording.Venue, symbol, recording.Channels, cancellationToken: cancellationToken).ConfigureAwait(false);
                instruments.Add((recording.Venue, engine.GetInstrument(recording.Venue, symbol)));
            }
        }

        var warmUpEnd = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.Duration.Ticks / 4));
        IReadOnlyList<ThreadAllocation>? warm = null;
        long warmMessages = 0;
        var warmTime = TimeSpan.Zero;
        long maxOccupancy = 0;
        var previous = new Dictionary<int, long>();
        long previousMessages = 0;
        var previousTime = TimeSpan.Zero;
        DemoFrame frame;
        while (true)
        {
            var remaining = options.Duration - clock.Elapsed;
            try
            {
                if (remaining > TimeSpan.Zero)
                    await Task.Delay(remaining < refresh ? remaining : refresh, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: one last frame and the summary.
            }
            // A timer may wake a hair early: the frame that lands within a few milliseconds of the end is the last.
            bool last = clock.Elapsed >= options.Duration - TimeSpan.FromMilliseconds(20) || cancellationToken.IsCancellationRequested;
            var status = engine.GetStatus();
            var elapsed = clock.Elapsed;
            double seconds = Math.Max((elapsed - previousTime).TotalSeconds, 1e-3);
            var rows = instruments.Select(i => Row(engine, strategy, status, i.Venue, i.Instrument, previous, seconds)).ToArray();
            frame = new DemoFrame(elapsed, options.Duration, options.Speed.ToString(), rows, (status.Messages - previousMessages) / seconds, status);
            previousMessages = status.Messages;
            previousTime = elapsed;
            maxOccupancy = Math.Max(maxOccupancy, status.Ring.Occupancy);
            // Steady state: every recording played once (parser and event buffers have met the largest
            // message) and a quarter of the run gone.
            if (warm is null && elapsed >= warmUpEnd && status.Threads.All(t => t.Messages >= recordedMessages.GetValueOrDefault(t.Thread)))
            {
                warm = status.Threads;
                warmMessages = status.Messages;
                warmTime = elapsed;
            }
            onFrame(frame);
            if (last)
                break;
        }

        var end = frame.Status;
        var allocations = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var thread in end.Threads)
        {
            var start = warm?.FirstOrDefault(t => t.Thread == thread.Thread);
            long messages = end.Messages - (start is null ? 0 : warmMessages);
            long bytes = thread.AllocatedBytes - (start?.AllocatedBytes ?? 0);
            allocations[thread.Thread] = messages > 0 ? Math.Round((double)bytes / messages, 3) : 0;
        }
        return new DemoSummary(clock.Elapsed, options.Speed.ToString(), [.. recordings.Select(r => r.Venue)], skipped, frame, allocations,
            warm is null ? null : warmTime, GcCounts.Now().Since(gcAtStart), maxOccupancy);
    }

    private static string Remember(List<string> files, string path)
    {
        files.Add(path);
        return path;
    }

    private static DemoInstrumentRow Row(MarketDataEngine engine, DemoStrategy strategy, EngineStatus status, string venue, Instrument instrument,
        Dictionary<int, long> previous, double seconds)
    {
        string? bid = null, ask = null;
        if (engine.Tickers.TryGet(instrument.Id, out var ticker) && ticker.BidPriceTicks > 0)
        {
            bid = FixedPointFormatter.Format(ticker.BidPriceTicks, instrument.PriceScale);
            ask = FixedPointFormatter.Format(ticker.AskPriceTicks, instrument.PriceScale);
        }
        var worst = status.Quality.Where(q => q.InstrumentId == instrument.Id).MaxBy(q => Severity(q.State.Quality));
        long messages = strategy.Messages(instrument.Id);
        double rate = (messages - previous.GetValueOrDefault(instrument.Id)) / seconds;
        previous[instrument.Id] = messages;
        return new DemoInstrumentRow(venue, instrument.Symbol, bid, ask, worst?.State.Quality ?? DataQuality.Resyncing,
            worst is null ? "subscribing" : $"{worst.Channel}: {worst.State.Reason}", messages, rate);
    }

    private static int Severity(DataQuality quality) => quality switch
    {
        DataQuality.Synced => 0,
        DataQuality.Resyncing => 1,
        DataQuality.Degraded => 2,
        _ => 3,
    };

    private static void RegisterInstruments(string venue, string path, InstrumentRegistry registry)
    {
        var parser = ExchangeCatalog.Get(venue).CreateParser(registry, ParserOptions.Default);
        var sink = new DiscardingSink();
        var result = parser.Parse(File.ReadAllBytes(path), new MessageContext(0), ref sink);
        if (result.Status != ParseStatus.Ok)
            throw new DemoArgumentException($"{path} is not {venue} instrument data ({result.Status} {result.Error})");
    }
}
