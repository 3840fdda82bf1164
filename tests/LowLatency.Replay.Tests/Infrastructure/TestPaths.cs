namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>Locations of the repository, tests/fixtures and tests/peers.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Peers => Path.Combine(RepositoryRoot, "tests", "peers");

    public static string ReplayPeers => Path.Combine(Peers, "replay");

    public static string Fixture(string relative) => Path.Combine(RepositoryRoot, "tests", "fixtures", relative);

    /// <summary>hftbacktest capture of Binance spot BTCUSDT (depth@100ms, bookTicker, trade and an in-line REST snapshot).</summary>
    public static string BinanceSpotHbt => Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz");

    /// <summary>cryptofeed capture of Binance spot, four symbols, with REST snapshots in the companion http file.</summary>
    public static string BinanceCryptofeed => Fixture("binance/cryptofeed/BINANCE.ws.1.0");

    /// <summary>
    /// Kraken WebSocket v2 capture (DERIVED, see tests/fixtures/SOURCES.md): a BTC/USD instrument
    /// message, the documentation's ETH/USDT ticker and trade pushes, then 510 recorded BTC/USD book messages.
    /// </summary>
    public static string KrakenV2 => Fixture("kraken/derived/kraken-v2-instrument-ticker-trade-book.txt");

    /// <summary>Bybit v5 linear <c>orderbook.500.XRPUSDT</c> from Bybit's archive: one snapshot and 49 deltas, one per line.</summary>
    public static string BybitXrpOb500 => Fixture("bybit/nautilus_trader/2024-12-01_XRPUSDT_ob500.data");

    /// <summary>cryptofeed capture of OKX v5 books, trades and tickers of three instruments.</summary>
    public static string Okx => Fixture("okx/cryptofeed/OKX.ws.1.0");

    /// <summary>cryptofeed capture of KuCoin spot with level-2 REST snapshots in the companion http file.</summary>
    public static string KuCoinSpot => Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LowLatency.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("LowLatency.sln not found above " + AppContext.BaseDirectory);
    }
}
