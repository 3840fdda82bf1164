using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Capture;

namespace LowLatency.Feeds.Tests.Support;

/// <summary>Finds recorded fixtures under tests/fixtures and feeds captures through a processor.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory);
    });

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// <summary>Streams every record of the capture(s) into the processor (received frames and REST responses).</summary>
    public static void Replay(FeedProcessor processor, params string[] relativePaths)
    {
        using var reader = CaptureFile.Open(relativePaths.Select(Path).ToArray());
        while (reader.TryRead(out var record))
        {
            if (record.Kind == CaptureRecordKind.Received)
                processor.OnMessage(record.Body.Span, record.TimestampNs);
            else if (record.Kind == CaptureRecordKind.RestResponse)
                processor.OnRestResponse(record.Url.Span, record.Body.Span, record.TimestampNs);
        }
    }

    /// <summary>All received message bodies of a capture, copied (for loops that must not allocate).</summary>
    public static List<(long Timestamp, byte[] Body)> Messages(string relativePath)
    {
        var messages = new List<(long, byte[])>();
        using var reader = CaptureFile.Open(Path(relativePath));
        while (reader.TryRead(out var record))
        {
            if (record.Kind == CaptureRecordKind.Received)
                messages.Add((record.TimestampNs, record.Body.ToArray()));
        }
        return messages;
    }
}
