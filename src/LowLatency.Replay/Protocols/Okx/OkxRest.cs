using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Okx;

/// <summary>
/// OKX v5 REST market data: <c>/api/v5/market/ticker</c>, <c>/api/v5/market/books</c>, <c>/api/v5/market/candles</c>,
/// <c>/api/v5/public/time</c>, and recorded responses by path; answered
/// <c>{"code":"0","msg":"","data":[..]}</c>.
/// </summary>
internal static class OkxRest
{
    private const long DayMs = 86_400_000;

    public static RestAnswer? Answer(RestRequest request, RestContext context) => request.Path switch
    {
        "/api/v5/public/time" => Data(w =>
        {
            w.WriteStartObject();
            w.WriteString("ts", context.NowMs.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }),
        "/api/v5/market/ticker" => WithInstrument(request, context, Ticker),
        "/api/v5/market/books" => WithInstrument(request, context, OkxBooks.Answer),
        "/api/v5/market/candles" => WithInstrument(request, context, Candles),
        _ => RecordedRest.Answer(request, context, "instId"),
    };

    private static RestAnswer WithInstrument(RestRequest request, RestContext context, Func<RestRequest, RestContext, string, RestAnswer> answer)
    {
        var instrument = request.Parameter("instId");
        if (string.IsNullOrEmpty(instrument) || !context.Feed.HasSymbol(instrument))
            return Error("51001", "Instrument ID does not exist.");
        return answer(request, context, instrument);
    }

    private static RestAnswer Ticker(RestRequest request, RestContext context, string instrument)
    {
        var tape = context.Feed.Tape;
        var quote = tape.QuoteAt(instrument, context.Position);
        var trade = tape.TradeAt(instrument, context.Position);
        var window = CandleBuilder.Window(tape.TradesBefore(instrument, context.Position), context.ReplayTimeMs, DayMs);
        var last = trade?.Price ?? quote?.Last ?? "0";
        JsonText.TryDecimal(last, out var lastValue);
        return Data(w =>
        {
            w.WriteStartObject();
            w.WriteString("instType", InstrumentType(instrument));
            w.WriteString("instId", instrument);
            w.WriteString("last", last);
            w.WriteString("lastSz", trade?.Size ?? "0");
            w.WriteString("askPx", quote?.Ask ?? "0");
            w.WriteString("askSz", quote?.AskSize ?? "0");
            w.WriteString("bidPx", quote?.Bid ?? "0");
            w.WriteString("bidSz", quote?.BidSize ?? "0");
            w.WriteString("open24h", JsonText.Text(window?.Open ?? lastValue));
            w.WriteString("high24h", JsonText.Text(window?.High ?? lastValue));
            w.WriteString("low24h", JsonText.Text(window?.Low ?? lastValue));
            w.WriteString("volCcy24h", JsonText.Text(Math.Round(window?.QuoteVolume ?? 0, 8)));
            w.WriteString("vol24h", JsonText.Text(window?.Volume ?? 0));
            w.WriteString("ts", (quote?.TimeMs ?? trade?.TimeMs ?? context.NowMs).ToString(CultureInfo.InvariantCulture));
            w.WriteString("sodUtc0", JsonText.Text(window?.Open ?? lastValue));
            w.WriteString("sodUtc8", JsonText.Text(window?.Open ?? lastValue));
            w.WriteEndObject();
        });
    }

    private static RestAnswer Candles(RestRequest request, RestContext context, string instrument)
    {
        if (IntervalMs(request.Parameter("bar") ?? "1m") is not { } interval)
            return Error("51000", "Parameter bar error");
        var limitText = request.Parameter("limit");
        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 300))
            return Error("51000", "Parameter limit error");
        var candles = CandleBuilder.Build(context.Feed.Tape.TradesBefore(instrument, context.Position), interval, limit);
        return Data(w =>
        {
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
                w.WriteStringValue(JsonText.Text(Math.Round(candle.QuoteVolume, 8)));
                // The newest candle is still open at the replay position.
                w.WriteStringValue(i == candles.Count - 1 ? "0" : "1");
                w.WriteEndArray();
            }
        });
    }

    private static string InstrumentType(string instrument)
    {
        if (instrument.EndsWith("-SWAP", StringComparison.Ordinal))
            return "SWAP";
        var parts = instrument.Split('-');
        return parts.Length == 3 && parts[2].All(char.IsAsciiDigit) ? "FUTURES" : parts.Length > 3 ? "OPTION" : "SPOT";
    }

    private static long? IntervalMs(string bar) => bar switch
    {
        "1m" => 60_000,
        "3m" => 180_000,
        "5m" => 300_000,
        "15m" => 900_000,
        "30m" => 1_800_000,
        "1H" => 3_600_000,
        "2H" => 7_200_000,
        "4H" => 14_400_000,
        "6H" or "6Hutc" => 21_600_000,
        "12H" or "12Hutc" => 43_200_000,
        "1D" or "1Dutc" => DayMs,
        "3Dutc" => 3 * DayMs,
        "1W" or "1Wutc" => 7 * DayMs,
        _ => null,
    };

    /// <summary>A successful answer: code <c>"0"</c> and the <c>data</c> items <paramref name="items"/> writes.</summary>
    public static RestAnswer Data(Action<Utf8JsonWriter> items) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", "0");
        w.WriteString("msg", string.Empty);
        w.WriteStartArray("data");
        items(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }));

    /// <summary>An error answer: HTTP 400 with OKX's code and message.</summary>
    public static RestAnswer Error(string code, string message) => new(400, JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("msg", message);
        w.WriteStartArray("data");
        w.WriteEndArray();
        w.WriteEndObject();
    }), []);
}
