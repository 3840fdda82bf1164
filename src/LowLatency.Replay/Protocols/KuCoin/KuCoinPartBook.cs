using System.Globalization;
using LowLatency.Replay.Books;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>
/// KuCoin's part order books, the recorded book at the replay position: spot
/// <c>/api/v1/market/orderbook/level2_20</c> (and <c>_100</c>), <c>{"time":ms,"sequence":"..","bids":[["p","s"]],"asks":..}</c>;
/// futures <c>/api/v1/level2/depth20</c> (and <c>100</c>), <c>{"sequence":n,"symbol":..,"bids":[[p, s]],"asks":..,"ts":ns}</c>
/// with numbers, as KuCoin writes each.
/// </summary>
/// <remarks>
/// KuCoin books sync from a level-2 REST snapshot bridged by the stream's sequences, so a book is
/// served once the recording's snapshot and the updates after it have been replayed; before that,
/// or after a sequence gap, the answer is HTTP 503 with code 500000.
/// </remarks>
internal static class KuCoinPartBook
{
    public static RestAnswer Spot(RestRequest request, RestContext context, string symbol) => Answer(request, context, symbol, futures: false);

    public static RestAnswer Futures(RestRequest request, RestContext context, string symbol) => Answer(request, context, symbol, futures: true);

    private static RestAnswer Answer(RestRequest request, RestContext context, string symbol, bool futures)
    {
        if (Top(request, context, futures ? "kucoin-futures" : "kucoin-spot", symbol) is not { } book)
            return Unavailable();
        return KuCoinRest.Data(w =>
        {
            w.WriteStartObject();
            if (futures)
            {
                w.WriteNumber("sequence", book.Sequence);
                w.WriteString("symbol", symbol);
            }
            else
            {
                w.WriteNumber("time", book.ExchangeTimeMs);
                w.WriteString("sequence", book.Sequence.ToString(CultureInfo.InvariantCulture));
            }
            BookTopWriter.WriteSide(w, "bids", book.Bids, numeric: futures);
            BookTopWriter.WriteSide(w, "asks", book.Asks, numeric: futures);
            if (futures)
                w.WriteNumber("ts", book.ExchangeTimeMs * 1_000_000);
            w.WriteEndObject();
        });
    }

    // The depth is the path's last number: level2_20, depth100.
    private static BookTop? Top(RestRequest request, RestContext context, string venue, string symbol)
    {
        var digits = request.Path.Length - request.Path.AsSpan().TrimEnd("0123456789").Length;
        var depth = int.Parse(request.Path.AsSpan(request.Path.Length - digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return context.Books.Top(venue, symbol, context.Position, depth);
    }

    private static RestAnswer Unavailable() =>
        KuCoinRest.Error("500000", "Service unavailable: the order book is not synced at the replay position.", status: 503);
}
