using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Books;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Okx;

/// <summary>
/// OKX's <c>/api/v5/market/books?instId=..&amp;sz=N</c>: the recorded book at the replay position,
/// <c>[{"asks":[[price, size, "0", orders]],"bids":[..],"ts":".."}]</c>, 1 level unless asked (1 to 400).
/// </summary>
/// <remarks>
/// The stream does not keep order counts, so the fourth field of a level is <c>"0"</c> (as the
/// third, OKX's deprecated liquidated-orders field, always is). A book that is not synced at the
/// position answers code 50026 (system error).
/// </remarks>
internal static class OkxBooks
{
    private const int MaxSize = 400;
    private static readonly Action<Utf8JsonWriter> NoOrderCounts = w =>
    {
        w.WriteStringValue("0");
        w.WriteStringValue("0");
    };

    public static RestAnswer Answer(RestRequest request, RestContext context, string instrument)
    {
        var sizeText = request.Parameter("sz");
        var size = 1;
        if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxSize))
            return OkxRest.Error("51000", "Parameter sz error");
        if (context.Books.Top("okx", instrument, context.Position, size) is not { } book)
            return OkxRest.Error("50026", "System error, please try again later: the order book is not synced at the replay position.");
        return OkxRest.Data(w =>
        {
            w.WriteStartObject();
            BookTopWriter.WriteSide(w, "asks", book.Asks, tail: NoOrderCounts);
            BookTopWriter.WriteSide(w, "bids", book.Bids, tail: NoOrderCounts);
            w.WriteString("ts", book.ExchangeTimeMs.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }
}
