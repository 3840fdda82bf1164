using System.IO.Compression;
using System.Text;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Loads recorded messages from tests/fixtures for the parse benchmarks (setup only, allocation is fine here).</summary>
public static class RecordedMessages
{
    /// <summary>Absolute path of a fixture, found by walking up from the binary (BenchmarkDotNet runs from a generated folder).</summary>
    public static string Fixture(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("fixture not found above " + AppContext.BaseDirectory, relative);
    }

    /// <summary>Raw messages of the hftbacktest capture at <paramref name="path"/> whose text contains <paramref name="marker"/>.</summary>
    public static byte[][] FromHbt(string path, string marker)
    {
        var messages = new List<byte[]>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.Contains(marker, StringComparison.Ordinal))
                messages.Add(Encoding.UTF8.GetBytes(line[(space + 1)..]));
        }
        return [.. messages];
    }

    /// <summary>Non-empty lines of the one-message-per-line file at <paramref name="path"/>.</summary>
    public static byte[][] FromLines(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes)];
}
