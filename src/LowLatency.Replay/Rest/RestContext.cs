using LowLatency.Replay.Books;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Rest;

/// <summary>What a REST answer may depend on.</summary>
/// <param name="Feed">The feed being served.</param>
/// <param name="Position">The replay position (messages already played on the replayer's clock): tickers and candles are as of here.</param>
/// <param name="WebSocketUrl">The replayer's own WebSocket base URL (for KuCoin's bullet token answer).</param>
/// <param name="NowMs">The current time, ms since the epoch.</param>
public sealed record RestContext(RecordedFeed Feed, int Position, Uri WebSocketUrl, long NowMs)
{
    /// <summary>The feed's books by position: the replayer's own cache, or a fresh one when none is given.</summary>
    internal RecordedBooks Books { get; init; } = new(Feed);

    /// <summary>
    /// The recorded response for <paramref name="endpoint"/> and <paramref name="symbol"/> that is
    /// current at <see cref="Position"/>: the latest recorded before it, else the first one recorded.
    /// </summary>
    public RecordedRestResponse? Recorded(string endpoint, string symbol)
    {
        RecordedRestResponse? latest = null, first = null;
        foreach (var response in Feed.RestResponses)
        {
            if (response.Endpoint != endpoint || (response.Symbol is not null && !response.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase)))
                continue;
            first ??= response;
            if (response.Position <= Position)
                latest = response;
        }
        return latest ?? first;
    }

    /// <summary>The recorded time of the message at <see cref="Position"/> in ms (the replay's notion of "now" for 24 h windows).</summary>
    public long ReplayTimeMs => Feed.Count == 0 ? NowMs : Feed.TimestampNs(Math.Clamp(Position - 1, 0, Feed.Count - 1)) / 1_000_000;
}
