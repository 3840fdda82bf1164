using System.Globalization;

namespace LowLatency.Replay.Protocols;

/// <summary>Wall-clock stamps exchanges put in their answers.</summary>
internal static class SessionClock
{
    /// <summary>RFC 3339 with microseconds, as Kraken v2 writes <c>time_in</c>/<c>time_out</c>.</summary>
    public static string Rfc3339Micros() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the epoch.</summary>
    public static long UnixMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Parses an RFC 3339 timestamp to ms since the epoch, or null.</summary>
    public static long? ParseRfc3339Ms(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUnixTimeMilliseconds() : null;
}
