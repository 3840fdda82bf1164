using System.Globalization;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Binance;

/// <summary>
/// Binance REST market data as the adapters and the REST fallback call it, under the spot
/// (<c>/api/v3/</c>), USD-M (<c>/fapi/v1/</c>) and COIN-M (<c>/dapi/v1/</c>) prefixes:
/// <c>depth</c> (the recorded snapshot, cut to <c>limit</c>), <c>ticker/bookTicker</c>,
/// <c>ticker/price</c>, <c>ticker/24hr</c>, <c>klines</c>, <c>ping</c> and <c>time</c>.
/// </summary>
internal static class BinanceRest
{
    /// <summary>Endpoint name of recorded depth snapshots.</summary>
    public const string DepthEndpoint = "depth";

    private const long DayMs = 86_400_000;
    private static readonly string[] Prefixes = ["/api/v3/", "/fapi/v1/", "/dapi/v1/"];
    private static readonly string[] LevelArrays = ["bids", "asks"];

    public static RestAnswer? Answer(RestRequest request, RestContext context)
    {
        var prefix = Prefixes.FirstOrDefault(p => request.Path.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
            return null;
        return request.Path[prefix.Length..] switch
        {
            "ping" => RestAnswer.Json(200, "{}"),
            "time" => RestAnswer.Json(200, "{\"serverTime\":" + context.NowMs + "}"),
            "depth" => WithSymbol(request, context, Depth),
            "ticker/bookTicker" => WithSymbol(request, context, BookTicker),
            "ticker/price" => WithSymbol(request, context, Price),
            "ticker/24hr" => WithSymbol(request, context, Ticker24h),
            "klines" => WithSymbol(request, context, Klines),
            _ => null,
        };
    }

    private static RestAnswer WithSymbol(RestRequest request, RestContext context, Func<RestRequest, RestContext, string, RestAnswer?> answer)
    {
        var symbol = request.Parameter("symbol");
        if (string.IsNullOrEmpty(symbol))
            return Error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        return answer(request, context, symbol.ToUpperInvariant()) ?? Error(-1121, "Invalid symbol.");
    }

    private static RestAnswer? Depth(RestRequest request, RestContext context, string symbol)
    {
        if (context.Recorded(DepthEndpoint, symbol) is not { } snapshot)
            return null;
        var limitText = request.Parameter("limit");
        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 5000))
            return Error(-1100, $"Illegal characters found in parameter 'limit'; legal range is 1 to 5000, received '{limitText}'.");
        return RestAnswer.Ok(JsonSlices.TruncateArrays(snapshot.Body, LevelArrays, limit));
    }

    private static RestAnswer? BookTicker(RestRequest request, RestContext context, string symbol)
    {
        if (context.Feed.Tape.QuoteAt(symbol, context.Position) is not { } quote)
            return null;
        return RestAnswer.Ok(JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("bidPrice", quote.Bid);
            w.WriteString("bidQty", quote.BidSize);
            w.WriteString("askPrice", quote.Ask);
            w.WriteString("askQty", quote.AskSize);
            w.WriteEndObject();
        }));
    }

    private static RestAnswer? Price(RestRequest request, RestContext context, string symbol)
    {
        var last = context.Feed.Tape.TradeAt(symbol, context.Position)?.Price ?? context.Feed.Tape.QuoteAt(symbol, context.Position)?.Last;
        if (last is null)
            return null;
        return RestAnswer.Ok(JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("price", last);
            w.WriteEndObject();
        }));
    }

    private static RestAnswer? Ticker24h(RestRequest request, RestContext context, string symbol)
    {
        var tape = context.Feed.Tape;
        if (!tape.Contains(symbol))
            return null;
        var quote = tape.QuoteAt(symbol, context.Position);
        var trade = tape.TradeAt(symbol, context.Position);
        var end = context.ReplayTimeMs;
        var window = CandleBuilder.Window(tape.TradesBefore(symbol, context.Position), end, DayMs);
        var last = trade?.PriceValue ?? (JsonText.TryDecimal(quote?.Last, out var l) ? l : 0m);
        var open = window?.Open ?? last;
        return RestAnswer.Ok(JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("priceChange", JsonText.Text(last - open));
            w.WriteString("priceChangePercent", JsonText.Text(open == 0 ? 0 : Math.Round((last - open) / open * 100, 3)));
            w.WriteString("weightedAvgPrice", JsonText.Text(window is null ? last : Math.Round(window.Vwap, 8)));
            w.WriteString("prevClosePrice", JsonText.Text(open));
            w.WriteString("lastPrice", JsonText.Text(last));
            w.WriteString("lastQty", trade?.Size ?? "0");
            w.WriteString("bidPrice", quote?.Bid ?? "0");
            w.WriteString("bidQty", quote?.BidSize ?? "0");
            w.WriteString("askPrice", quote?.Ask ?? "0");
            w.WriteString("askQty", quote?.AskSize ?? "0");
            w.WriteString("openPrice", JsonText.Text(open));
            w.WriteString("highPrice", JsonText.Text(window?.High ?? last));
            w.WriteString("lowPrice", JsonText.Text(window?.Low ?? last));
            w.WriteString("volume", JsonText.Text(window?.Volume ?? 0));
            w.WriteString("quoteVolume", JsonText.Text(Math.Round(window?.QuoteVolume ?? 0, 8)));
            w.WriteNumber("openTime", end - DayMs);
            w.WriteNumber("closeTime", end);
            w.WriteNumber("firstId", -1);
            w.WriteNumber("lastId", -1);
            w.WriteNumber("count", window?.Trades ?? 0);
            w.WriteEndObject();
        }));
    }

    private static RestAnswer? Klines(RestRequest request, RestContext context, string symbol)
    {
        var tape = context.Feed.Tape;
        if (!tape.Contains(symbol))
            return null;
        var intervalText = request.Parameter("interval");
        if (intervalText is null || IntervalMs(intervalText) is not { } interval)
            return Error(-1120, "Invalid interval.");
        var limitText = request.Parameter("limit");
        var limit = 500;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1500))
            return Error(-1100, $"Illegal characters found in parameter 'limit'; legal range is 1 to 1500, received '{limitText}'.");
        var candles = CandleBuilder.Build(tape.TradesBefore(symbol, context.Position), interval, limit);
        return RestAnswer.Ok(JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var candle in candles)
            {
                w.WriteStartArray();
                w.WriteNumberValue(candle.OpenTimeMs);
                w.WriteStringValue(JsonText.Text(candle.Open));
                w.WriteStringValue(JsonText.Text(candle.High));
                w.WriteStringValue(JsonText.Text(candle.Low));
                w.WriteStringValue(JsonText.Text(candle.Close));
                w.WriteStringValue(JsonText.Text(candle.Volume));
                w.WriteNumberValue(candle.CloseTimeMs);
                w.WriteStringValue(JsonText.Text(Math.Round(candle.QuoteVolume, 8)));
                w.WriteNumberValue(candle.Trades);
                w.WriteStringValue(JsonText.Text(candle.TakerBuyVolume));
                w.WriteStringValue(JsonText.Text(Math.Round(candle.TakerBuyQuoteVolume, 8)));
                w.WriteStringValue("0");
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }));
    }

    private static long? IntervalMs(string interval) => interval switch
    {
        "1s" => 1_000,
        "1m" => 60_000,
        "3m" => 180_000,
        "5m" => 300_000,
        "15m" => 900_000,
        "30m" => 1_800_000,
        "1h" => 3_600_000,
        "2h" => 7_200_000,
        "4h" => 14_400_000,
        "6h" => 21_600_000,
        "8h" => 28_800_000,
        "12h" => 43_200_000,
        "1d" => DayMs,
        "3d" => 3 * DayMs,
        "1w" => 7 * DayMs,
        _ => null,
    };

    private static RestAnswer Error(int code, string message) =>
        new(400, JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", code);
            w.WriteString("msg", message);
            w.WriteEndObject();
        }), []);
}
