using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.Kraken;

/// <summary>
/// Kraken REST as the adapters and the REST fallback call it: <c>/0/private/GetWebSocketsToken</c>,
/// <c>/0/public/Ticker</c>, <c>/0/public/Depth</c>, <c>/0/public/OHLC</c> and <c>/0/public/Time</c>, answered
/// <c>{"error":[],"result":..}</c> (errors are HTTP 200 with the error list, as Kraken does).
/// </summary>
/// <remarks>
/// Pairs are found by the v2 symbol (<c>BTC/USD</c>) or the REST spellings (<c>XBTUSD</c>,
/// <c>XXBTZUSD</c>); the result is keyed by the pair as asked.
/// </remarks>
internal static class KrakenRest
{
    private const long DayMs = 86_400_000;
    private static long s_tokens;

    public static RestAnswer? Answer(RestRequest request, RestContext context) => request.Path switch
    {
        "/0/private/GetWebSocketsToken" => Result(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", "replay-token-" + Interlocked.Increment(ref s_tokens));
            w.WriteNumber("expires", 900);
            w.WriteEndObject();
        }),
        "/0/public/Time" => Result(w =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(context.NowMs);
            w.WriteStartObject();
            w.WriteNumber("unixtime", now.ToUnixTimeSeconds());
            w.WriteString("rfc1123", now.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }),
        "/0/public/Ticker" => WithPair(request, context, Ticker),
        "/0/public/Depth" => WithPair(request, context, KrakenDepth.Answer),
        "/0/public/OHLC" => WithPair(request, context, Ohlc),
        _ => null,
    };

    /// <summary>The recorded symbol for a requested pair, or null.</summary>
    public static string? ResolvePair(string pair, RecordedFeed feed)
    {
        if (feed.HasSymbol(pair))
            return pair;
        var wanted = Normalize(pair);
        return feed.Symbols.FirstOrDefault(s => Normalize(s) == wanted);
    }

    private static string Normalize(string pair)
    {
        var text = pair.ToUpperInvariant().Replace("/", string.Empty, StringComparison.Ordinal);
        if (text.Length == 8 && text[0] is 'X' or 'Z' && text[4] is 'X' or 'Z')
            text = text[1..4] + text[5..];
        return text.Replace("XBT", "BTC", StringComparison.Ordinal).Replace("XDG", "DOGE", StringComparison.Ordinal);
    }

    private static RestAnswer WithPair(RestRequest request, RestContext context, Func<RestRequest, RestContext, string, string, RestAnswer> answer)
    {
        var pair = request.Parameter("pair");
        if (string.IsNullOrEmpty(pair))
            return Error("EGeneral:Invalid arguments");
        var symbol = ResolvePair(pair, context.Feed);
        return symbol is null ? Error("EQuery:Unknown asset pair") : answer(request, context, pair, symbol);
    }

    private static RestAnswer Ticker(RestRequest request, RestContext context, string pair, string symbol)
    {
        var tape = context.Feed.Tape;
        var quote = tape.QuoteAt(symbol, context.Position);
        var trade = tape.TradeAt(symbol, context.Position);
        var window = CandleBuilder.Window(tape.TradesBefore(symbol, context.Position), context.ReplayTimeMs, DayMs);
        var last = trade?.Price ?? quote?.Last ?? "0";
        return Result(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(pair);
            WriteArray(w, "a", quote?.Ask ?? "0", "1", quote?.AskSize ?? "0");
            WriteArray(w, "b", quote?.Bid ?? "0", "1", quote?.BidSize ?? "0");
            WriteArray(w, "c", last, trade?.Size ?? "0");
            var volume = JsonText.Text(window?.Volume ?? 0);
            WriteArray(w, "v", volume, volume);
            var vwap = JsonText.Text(Math.Round(window?.Vwap ?? 0, 5));
            WriteArray(w, "p", vwap, vwap);
            w.WriteStartArray("t");
            w.WriteNumberValue(window?.Trades ?? 0);
            w.WriteNumberValue(window?.Trades ?? 0);
            w.WriteEndArray();
            var low = window is null ? last : JsonText.Text(window.Low);
            WriteArray(w, "l", low, low);
            var high = window is null ? last : JsonText.Text(window.High);
            WriteArray(w, "h", high, high);
            w.WriteString("o", window is null ? last : JsonText.Text(window.Open));
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static RestAnswer Ohlc(RestRequest request, RestContext context, string pair, string symbol)
    {
        var intervalText = request.Parameter("interval") ?? "1";
        if (!int.TryParse(intervalText, out var minutes) || minutes is not (1 or 5 or 15 or 30 or 60 or 240 or 1440 or 10080 or 21600))
            return Error("EGeneral:Invalid arguments:interval");
        var candles = CandleBuilder.Build(context.Feed.Tape.TradesBefore(symbol, context.Position), minutes * 60_000L, 720);
        return Result(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(pair);
            foreach (var candle in candles)
            {
                w.WriteStartArray();
                w.WriteNumberValue(candle.OpenTimeMs / 1000);
                w.WriteStringValue(JsonText.Text(candle.Open));
                w.WriteStringValue(JsonText.Text(candle.High));
                w.WriteStringValue(JsonText.Text(candle.Low));
                w.WriteStringValue(JsonText.Text(candle.Close));
                w.WriteStringValue(JsonText.Text(Math.Round(candle.Vwap, 5)));
                w.WriteStringValue(JsonText.Text(candle.Volume));
                w.WriteNumberValue(candle.Trades);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteNumber("last", candles.Count == 0 ? 0 : candles[^1].OpenTimeMs / 1000);
            w.WriteEndObject();
        });
    }

    private static void WriteArray(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>A successful answer: an empty error list and the result <paramref name="result"/> writes.</summary>
    public static RestAnswer Result(Action<Utf8JsonWriter> result) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("error");
        w.WriteEndArray();
        w.WritePropertyName("result");
        result(w);
        w.WriteEndObject();
    }));

    /// <summary>An error answer (HTTP 200 with the error in the list, as Kraken does).</summary>
    public static RestAnswer Error(string error) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("error");
        w.WriteStringValue(error);
        w.WriteEndArray();
        w.WriteEndObject();
    }));
}
