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
