using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Books;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Kraken;

/// <summary>
/// Kraken's <c>/0/public/Depth?pair=..&amp;count=N</c>: the recorded book at the replay position,
/// <c>{"PAIR":{"asks":[[price, volume, time (s)]],"bids":[..]}}</c>, 100 levels unless asked (1 to 500).
/// </summary>
/// <remarks>
/// The book is rebuilt by the Kraken adapter, whose checksum needs each pair's precisions: they
/// come from the recording's own <c>instrument</c> channel message. A recording without one, or a
/// position before the book's snapshot, answers <c>EService:Unavailable</c>. Levels carry the
/// book's last update time, the only time the stream keeps.
/// </remarks>
internal static class KrakenDepth
{
    private const int DefaultCount = 100;
    private const int MaxCount = 500;

    public static RestAnswer Answer(RestRequest request, RestContext context, string pair, string symbol)
    {
        var countText = request.Parameter("count");
        var count = DefaultCount;
        if (countText is not null && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
            return KrakenRest.Error("EGeneral:Invalid arguments:count");
        if (context.Books.Top("kraken", symbol, context.Position, count) is not { } book)
            return KrakenRest.Error("EService:Unavailable");
        var seconds = book.ExchangeTimeMs / 1000;
        return KrakenRest.Result(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(pair);
            BookTopWriter.WriteSide(w, "asks", book.Asks, tail: time => time.WriteNumberValue(seconds));
            BookTopWriter.WriteSide(w, "bids", book.Bids, tail: time => time.WriteNumberValue(seconds));
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
