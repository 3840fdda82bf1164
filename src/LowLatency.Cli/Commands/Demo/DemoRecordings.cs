using LowLatency.Feeds.Exchanges;
using LowLatency.Replay;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>
/// The recordings shipped in <c>tests/fixtures</c> that the demo plays (see tests/fixtures/SOURCES.md),
/// and which of them this build's replayer can serve.
/// </summary>
public static class DemoRecordings
{
    /// <summary>Every recording the demo knows, in display order.</summary>
    public static IReadOnlyList<DemoRecording> All { get; } =
    [
        new("binance-spot", ["binance/hftbacktest/spot/btcusdt_20240808.gz"], null, null, ["BTCUSDT"],
            MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades, 0),
        new("kraken", ["kraken/python-kraken-sdk/orderbook-v2.lines"], CaptureFormat.Lines, "kraken/kraken-data-recorder/instrument_snapshot.json", ["BTC/USD"],
            MarketChannels.Book, 10, TimeField: "timestamp"),
        new("bybit-linear", ["bybit/cryptofeed-l1/BYBIT.ws.1.0"], null, null, ["SNTUSDT", "BANDUSDT"], MarketChannels.Book, 1),
    ];

    /// <summary>The recordings whose exchange the replayer speaks and whose files exist, plus why the others are left out.</summary>
    public static (IReadOnlyList<DemoRecording> Playable, IReadOnlyList<string> Skipped) Select(string fixtures)
    {
        var playable = new List<DemoRecording>();
        var skipped = new List<string>();
        foreach (var recording in All)
        {
            var exchange = ExchangeCatalog.Get(recording.Venue).Exchange;
            var missing = recording.Files.Append(recording.InstrumentsFile).OfType<string>().FirstOrDefault(f => !File.Exists(Path.Combine(fixtures, f)));
            if (!ReplayExchanges.Names.Contains(exchange, StringComparer.OrdinalIgnoreCase))
                skipped.Add($"{recording.Venue}: this build's replayer does not speak {exchange} yet");
            else if (missing is not null)
                skipped.Add($"{recording.Venue}: {Path.Combine(fixtures, missing)} is missing");
            else
                playable.Add(recording);
        }
        return (playable, skipped);
    }
}
