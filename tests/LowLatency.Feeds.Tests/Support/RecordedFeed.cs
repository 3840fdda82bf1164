using System.Globalization;
using System.Text;
using LowLatency.Feeds.Pipeline;

namespace LowLatency.Feeds.Tests.Support;

/// <summary>
/// Reads the recorded fixtures the Bybit, KuCoin and OKX tests use: one raw message per line
/// (Bybit's NDJSON archive) and cryptofeed's sample_data lines (<c>ts: body</c> received frames,
/// <c>URL -> ts: body</c> REST responses; connects and sent frames are skipped).
/// </summary>
internal static class RecordedFeed
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory);
    });

    public static string FixturePath(string relative) => Path.Combine(Root.Value, relative);

    /// <summary>Every non-empty line of a one-message-per-line file, as received frames.</summary>
    public static List<RecordedMessage> Lines(string relative) =>
        File.ReadLines(FixturePath(relative)).Where(l => l.Length > 0)
            .Select((line, i) => new RecordedMessage(i, null, Encoding.UTF8.GetBytes(line))).ToList();

    /// <summary>The records of cryptofeed captures, merged in timestamp order (a stable merge: ties keep file order).</summary>
    public static List<RecordedMessage> Cryptofeed(params string[] relatives) =>
        relatives.SelectMany(r => File.ReadLines(FixturePath(r)).Select(ParseCryptofeedLine).OfType<RecordedMessage>())
            .OrderBy(m => m.TimestampNs).ToList();

    /// <summary>Feeds every record to <paramref name="processor"/>: REST responses as responses, frames as messages.</summary>
    public static void Replay(FeedProcessor processor, IEnumerable<RecordedMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.IsRest)
                processor.OnRestResponse(message.Url, message.Body, message.TimestampNs);
            else
                processor.OnMessage(message.Body, message.TimestampNs);
        }
    }

    private static RecordedMessage? ParseCryptofeedLine(string line)
    {
        if (line.Length == 0)
            return null;
        if (char.IsAsciiDigit(line[0]))
            return Record(null, line);
        var rest = line.IndexOf(" -> ", StringComparison.Ordinal);
        return rest < 0 ? null : Record(line[..rest], line[(rest + 4)..]);
    }

    private static RecordedMessage Record(string? url, string timestampAndBody)
    {
        var colon = timestampAndBody.IndexOf(": ", StringComparison.Ordinal);
        var seconds = decimal.Parse(timestampAndBody[..colon], CultureInfo.InvariantCulture);
        return new RecordedMessage(
            (long)(seconds * 1_000_000_000m),
            url is null ? null : Encoding.UTF8.GetBytes(url),
            Encoding.UTF8.GetBytes(timestampAndBody[(colon + 2)..]));
    }
}
