using System.Text;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Loads the received frames of recorded captures for the Bybit, KuCoin and OKX parse scenarios (setup only).</summary>
public static class CaptureFrames
{
    /// <summary>Non-empty lines of a one-message-per-line file.</summary>
    public static byte[][] FromLines(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes)];

    /// <summary>Received frames (<c>ts: body</c> lines) of a cryptofeed capture whose body contains <paramref name="marker"/>.</summary>
    public static byte[][] FromCryptofeed(string path, string marker) =>
        [.. File.ReadLines(path)
            .Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .Where(body => body.Contains(marker, StringComparison.Ordinal))
            .Select(Encoding.UTF8.GetBytes)];
}
