using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>
/// Gives a recording that carries no receive times (one raw message per line) the times its own
/// messages state, so the replayer can pace it: writes <c>&lt;unix_ns&gt;\t&lt;raw message&gt;</c> lines,
/// each message byte for byte as recorded.
/// </summary>
/// <remarks>
/// A message without the field (a book snapshot) takes the time of the message before it, or 1 ms
/// before the first timed one when it leads.
/// </remarks>
public static class TimedCapture
{
    /// <summary>Writes the timed copy of <paramref name="linesPath"/> to a new temporary file and returns its path.</summary>
    /// <param name="linesPath">One raw JSON message per line.</param>
    /// <param name="field">A string field holding an RFC 3339 time, at any depth (Kraken v2: <c>timestamp</c>).</param>
    /// <exception cref="InvalidDataException">No line holds the field.</exception>
    public static string Write(string linesPath, string field)
    {
        var lines = File.ReadAllLines(linesPath).Where(l => l.Length > 0).ToArray();
        var times = lines.Select(l => TimeOf(l, field)).ToArray();
        int first = Array.FindIndex(times, t => t is not null);
        if (first < 0)
            throw new InvalidDataException($"{linesPath}: no message has a '{field}' time to pace the replay by.");
        long current = times[first]!.Value - 1_000_000;
        var output = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            current = times[i] ?? current;
            output.Append(current.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(lines[i]).Append('\n');
        }
        var path = Path.Combine(Path.GetTempPath(), $"lowlatency-demo-{Path.GetFileNameWithoutExtension(linesPath)}-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, output.ToString());
        return path;
    }

    private static long? TimeOf(string line, string field)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(field) && reader.Read() && reader.TokenType == JsonTokenType.String
                    && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    return (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
