using System.Globalization;
using System.Text;
using LowLatency.Replay.Capture;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>Writes the start of a fixture capture to a temporary native capture (<c>&lt;unix_ns&gt;\t&lt;raw&gt;</c>), so timing tests replay seconds, not minutes.</summary>
public static class CaptureSlice
{
    /// <summary>The received messages of <paramref name="source"/> recorded within <paramref name="span"/> of its first one.</summary>
    public static string FirstSpan(string source, TimeSpan span)
    {
        using var reader = CaptureFile.Open(source);
        var lines = new StringBuilder();
        long first = -1;
        while (reader.TryRead(out var record))
        {
            if (record.Kind != CaptureRecordKind.Received)
                continue;
            if (first < 0)
                first = record.TimestampNs;
            if (record.TimestampNs - first > span.Ticks * 100)
                break;
            lines.Append(record.TimestampNs.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Encoding.UTF8.GetString(record.Body.Span)).Append('\n');
        }
        var path = Path.Combine(Path.GetTempPath(), $"replay-slice-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, lines.ToString());
        return path;
    }
}
