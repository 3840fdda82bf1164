using System.Text.RegularExpressions;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Protocols.Binance;

/// <summary>Binance stream names (<c>btcusdt@depth@100ms</c>) as <see cref="StreamKey"/>s.</summary>
/// <remarks>
/// The update-speed suffix (<c>@100ms</c>, <c>@0ms</c>, <c>@1s</c>) is dropped: a recording holds
/// one speed, and a client asking <c>btcusdt@depth</c> of a capture of <c>btcusdt@depth@100ms</c>
/// should get it rather than silence.
/// </remarks>
internal static partial class BinanceStreamName
{
    /// <summary>The key of a stream name; symbols are lowercase as in Binance stream names.</summary>
    public static StreamKey ToKey(string streamName)
    {
        var name = SpeedSuffix().Replace(streamName, string.Empty);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (name.StartsWith('!') || at <= 0)
            return new StreamKey(name, string.Empty);
        return new StreamKey(name[(at + 1)..], name[..at].ToLowerInvariant());
    }

    /// <summary>The stream name of a key (<c>btcusdt@depth</c>).</summary>
    public static string FromKey(StreamKey key) => key.Symbol.Length == 0 ? key.Channel : key.Symbol + "@" + key.Channel;

    [GeneratedRegex(@"@\d+m?s$")]
    private static partial Regex SpeedSuffix();
}
