namespace LowLatency.Engine.Tests.Support;

/// <summary>Locations of the repository and its recorded fixtures.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(RepositoryRoot, "tests", "fixtures", relative);

    /// <summary>hftbacktest capture of Binance spot BTCUSDT: depth@100ms, bookTicker, trade and one in-line REST snapshot (41,249 lines).</summary>
    public static string BinanceSpotHbt => Fixture("binance/hftbacktest/spot/btcusdt_20240808.gz");

    /// <summary>cryptofeed capture of Binance spot, four symbols, with their REST snapshots in the companion http file.</summary>
    public static string BinanceCryptofeed => Fixture("binance/cryptofeed/BINANCE.ws.1.0");

    /// <summary>hftbacktest capture of Binance USD-M BTCUSDT.</summary>
    public static string BinanceUsdmHbt => Fixture("binance/hftbacktest/usdm/btcusdt_20240808.gz");

    /// <summary>Kraken WebSocket v2 (DERIVED): BTC/USD precisions, an ETH/USDT ticker and trade, then 510 BTC/USD book messages.</summary>
    public static string KrakenV2 => Fixture("kraken/derived/kraken-v2-instrument-ticker-trade-book.txt");

    /// <summary>cryptofeed capture of Bybit v5 linear <c>orderbook.1</c> for four symbols.</summary>
    public static string BybitLinearL1 => Fixture("bybit/cryptofeed-l1/BYBIT.ws.1.0");

    /// <summary>cryptofeed capture of OKX v5 books, trades and tickers.</summary>
    public static string Okx => Fixture("okx/cryptofeed/OKX.ws.1.0");

    /// <summary>cryptofeed capture of KuCoin spot.</summary>
    public static string KuCoinSpot => Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0");

    /// <summary>The REST snapshots recorded beside <see cref="KuCoinSpot"/>.</summary>
    public static string KuCoinSpotHttp => Fixture("kucoin/cryptofeed/KUCOIN.http.0.0");

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
