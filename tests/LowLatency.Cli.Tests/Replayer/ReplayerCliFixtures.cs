namespace LowLatency.Cli.Tests.Replayer;

/// <summary>Fixture paths and a synchronised output writer for the replayer and record command tests.</summary>
internal static class ReplayerCliFixtures
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LowLatency.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("LowLatency.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>cryptofeed capture of Binance spot (four symbols) with its HTTP companion.</summary>
    public static string BinanceCryptofeed => Path.Combine(s_root.Value, "tests", "fixtures", "binance", "cryptofeed", "BINANCE.ws.1.0");

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
