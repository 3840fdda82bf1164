using LowLatency.Benchmarks.Scenarios.Parse;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Benchmarks.Micro.Parse;

/// <summary>What the Bybit, KuCoin and OKX micro-benchmarks share: fixture lookup and the parse loop of our side.</summary>
public static class MicroFixtures
{
    /// <summary>Absolute path of a fixture, found by walking up from the binary (BenchmarkDotNet runs from a generated folder).</summary>
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("fixture not found above " + AppContext.BaseDirectory, relative);
    }

    /// <summary>Parses every message into a counting sink; returns the sink's checksum.</summary>
    public static long ParseAll(IExchangeParser parser, byte[][] messages)
    {
        var sink = default(CountingSink);
        foreach (var message in messages)
            parser.Parse(message, new MessageContext(0), ref sink);
        return sink.Sum;
    }
}
