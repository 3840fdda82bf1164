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
