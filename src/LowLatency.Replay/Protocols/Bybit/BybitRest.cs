using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Bybit;

/// <summary>
/// Bybit v5 REST market data: <c>/v5/market/tickers</c>, <c>/v5/market/orderbook</c>, <c>/v5/market/kline</c>,
/// <c>/v5/market/time</c>, and recorded responses by path; answered
/// <c>{"retCode":0,"retMsg":"OK","result":..,"retExtInfo":{},"time":..}</c>.
/// </summary>
internal static class BybitRest
{
    private const long DayMs = 86_400_000;

    public static RestAnswer? Answer(RestRequest request, RestContext context) => request.Path switch
    {
        "/v5/market/time" => Result(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("timeSecond", (context.NowMs / 1000).ToString(CultureInfo.InvariantCulture));
            w.WriteString("timeNano", (context.NowMs * 1_000_000).ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }),
        "/v5/market/tickers" => WithSymbol(request, context, Tickers),
        "/v5/market/orderbook" => WithSymbol(request, context, BybitOrderbook.Answer),
        "/v5/market/kline" => WithSymbol(request, context, Kline),
        _ => RecordedRest.Answer(request, context, "symbol"),
    };

    private static RestAnswer WithSymbol(RestRequest request, RestContext context, Func<RestRequest, RestContext, string, string, RestAnswer> answer)
    {
        var symbol = request.Parameter("symbol");
        if (string.IsNullOrEmpty(symbol) || !context.Feed.HasSymbol(symbol))
            return Error(context, 10001, "params error: symbol invalid");
        return answer(request, context, request.Parameter("category") ?? "linear", symbol.ToUpperInvariant());
    }

    private static RestAnswer Tickers(RestRequest request, RestContext context, string category, string symbol)
    {
        var tape = context.Feed.Tape;
        var quote = tape.QuoteAt(symbol, context.Position);
        var trade = tape.TradeAt(symbol, context.Position);
        var window = CandleBuilder.Window(tape.TradesBefore(symbol, context.Position), context.ReplayTimeMs, DayMs);
        var last = trade?.Price ?? quote?.Last ?? quote?.Bid ?? "0";
        JsonText.TryDecimal(last, out var lastValue);
        var open = window?.Open ?? lastValue;
        return Result(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("category", category);
            w.WriteStartArray("list");
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("lastPrice", last);
            w.WriteString("bid1Price", quote?.Bid ?? "0");
            w.WriteString("bid1Size", quote?.BidSize ?? "0");
            w.WriteString("ask1Price", quote?.Ask ?? "0");
            w.WriteString("ask1Size", quote?.AskSize ?? "0");
            w.WriteString("prevPrice24h", JsonText.Text(open));
            w.WriteString("price24hPcnt", JsonText.Text(open == 0 ? 0 : Math.Round((lastValue - open) / open, 6)));
            w.WriteString("highPrice24h", JsonText.Text(window?.High ?? lastValue));
            w.WriteString("lowPrice24h", JsonText.Text(window?.Low ?? lastValue));
            w.WriteString("volume24h", JsonText.Text(window?.Volume ?? 0));
            w.WriteString("turnover24h", JsonText.Text(Math.Round(window?.QuoteVolume ?? 0, 8)));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static RestAnswer Kline(RestRequest request, RestContext context, string category, string symbol)
    {
        var interval = request.Parameter("interval");
        if (IntervalMs(interval) is not { } intervalMs)
            return Error(context, 10001, "params error: interval invalid");
        var limitText = request.Parameter("limit");
        var limit = 200;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
            return Error(context, 10001, "params error: limit invalid");
        var candles = CandleBuilder.Build(context.Feed.Tape.TradesBefore(symbol, context.Position), intervalMs, limit);
        return Result(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("category", category);
            w.WriteStartArray("list");
            for (var i = candles.Count - 1; i >= 0; i--)
            {
                var candle = candles[i];
                w.WriteStartArray();
                w.WriteStringValue(candle.OpenTimeMs.ToString(CultureInfo.InvariantCulture));
                w.WriteStringValue(JsonText.Text(candle.Open));
                w.WriteStringValue(JsonText.Text(candle.High));
                w.WriteStringValue(JsonText.Text(candle.Low));
                w.WriteStringValue(JsonText.Text(candle.Close));
                w.WriteStringValue(JsonText.Text(candle.Volume));
                w.WriteStringValue(JsonText.Text(Math.Round(candle.QuoteVolume, 8)));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static long? IntervalMs(string? interval) => interval switch
    {
        "D" => DayMs,
        "W" => 7 * DayMs,
        _ when int.TryParse(interval, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes is 1 or 3 or 5 or 15 or 30 or 60 or 120 or 240 or 360 or 720 => minutes * 60_000L,
        _ => null,
    };

    /// <summary>A successful answer: <c>retCode</c> 0 and the result <paramref name="result"/> writes.</summary>
    public static RestAnswer Result(RestContext context, Action<Utf8JsonWriter> result) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("retCode", 0);
        w.WriteString("retMsg", "OK");
        w.WritePropertyName("result");
        result(w);
        w.WriteStartObject("retExtInfo");
        w.WriteEndObject();
        w.WriteNumber("time", context.NowMs);
        w.WriteEndObject();
    }));

    /// <summary>An error answer (HTTP 200 with the error in <c>retCode</c>, as Bybit does).</summary>
    public static RestAnswer Error(RestContext context, int code, string message) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("retCode", code);
        w.WriteString("retMsg", message);
        w.WriteStartObject("result");
        w.WriteEndObject();
        w.WriteStartObject("retExtInfo");
        w.WriteEndObject();
        w.WriteNumber("time", context.NowMs);
        w.WriteEndObject();
    }));
}
