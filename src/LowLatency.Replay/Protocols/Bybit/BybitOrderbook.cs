using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Books;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Bybit;

/// <summary>
/// Bybit's <c>/v5/market/orderbook?category=..&amp;symbol=..&amp;limit=N</c>: the recorded book at the
/// replay position, <c>{"s":..,"b":[[price, size]],"a":[..],"ts":..,"u":..}</c>.
/// </summary>
/// <remarks>
/// Spot serves 1 to 200 levels (1 unless asked), linear 1 to 500 (25 unless asked), as Bybit
/// does; a recording of <c>orderbook.1</c> has only one level to give. A book that is not synced
/// at the position answers <c>retCode</c> 10016 (service unavailable).
/// </remarks>
internal static class BybitOrderbook
{
    public static RestAnswer Answer(RestRequest request, RestContext context, string category, string symbol)
    {
        var (venue, defaultLimit, maxLimit) = category switch
        {
            "spot" => ("bybit-spot", 1, 200),
            "linear" => ("bybit-linear", 25, 500),
            _ => (null, 0, 0),
        };
        if (venue is null)
            return BybitRest.Error(context, 10001, "params error: category invalid");
        var limitText = request.Parameter("limit");
        var limit = defaultLimit;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
            return BybitRest.Error(context, 10001, "params error: limit invalid");
        if (context.Books.Top(venue, symbol, context.Position, limit) is not { } book)
            return BybitRest.Error(context, 10016, "service unavailable: the order book is not synced at the replay position");
        return BybitRest.Result(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("s", symbol);
            BookTopWriter.WriteSide(w, "b", book.Bids);
            BookTopWriter.WriteSide(w, "a", book.Asks);
            w.WriteNumber("ts", book.ExchangeTimeMs);
            w.WriteNumber("u", book.Sequence);
            w.WriteEndObject();
        });
    }
}
