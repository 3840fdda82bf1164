using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>
/// KuCoin REST: the bullet token endpoints (<c>/api/v1/bullet-public</c>, <c>-private</c>)
/// answering the replayer's own WebSocket URL with ping interval and timeout,
/// <c>/api/v1/market/orderbook/level1</c>, <c>/api/v1/market/candles</c>, the part order books
/// (<see cref="KuCoinPartBook"/>), the futures ticker and klines (<see cref="KuCoinFuturesMarket"/>),
/// <c>/api/v1/timestamp</c>, and recorded responses (level-2 snapshots) by path; answered
/// <c>{"code":"200000","data":..}</c>.
/// </summary>
internal static class KuCoinRest
{
    /// <summary>The ping interval the token answer announces (KuCoin's own value).</summary>
    public const int PingIntervalMs = 18_000;

    /// <summary>The ping timeout the token answer announces.</summary>
    public const int PingTimeoutMs = 10_000;

    private static long s_tokens;

    public static RestAnswer? Answer(RestRequest request, RestContext context) => request.Path switch
    {
        "/api/v1/bullet-public" or "/api/v1/bullet-private" => Bullet(context),
        "/api/v1/timestamp" => Data(w => w.WriteNumberValue(context.NowMs)),
        "/api/v1/market/orderbook/level1" => WithSymbol(request, context, Level1),
        "/api/v1/market/candles" => WithSymbol(request, context, Candles),
        "/api/v1/market/orderbook/level2_20" or "/api/v1/market/orderbook/level2_100" => WithSymbol(request, context, KuCoinPartBook.Spot),
        "/api/v1/level2/depth20" or "/api/v1/level2/depth100" => WithSymbol(request, context, KuCoinPartBook.Futures),
        "/api/v1/ticker" => WithSymbol(request, context, KuCoinFuturesMarket.Ticker),
        "/api/v1/kline/query" => WithSymbol(request, context, KuCoinFuturesMarket.Klines),
        _ => RecordedRest.Answer(request, context, "symbol"),
    };

    private static RestAnswer Bullet(RestContext context) => Data(w =>
    {
        w.WriteStartObject();
        w.WriteString("token", "replay-token-" + Interlocked.Increment(ref s_tokens));
        w.WriteStartArray("instanceServers");
        w.WriteStartObject();
        w.WriteString("endpoint", new Uri(context.WebSocketUrl, "/endpoint").ToString());
        w.WriteBoolean("encrypt", context.WebSocketUrl.Scheme == "wss");
        w.WriteString("protocol", "websocket");
        w.WriteNumber("pingInterval", PingIntervalMs);
        w.WriteNumber("pingTimeout", PingTimeoutMs);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static RestAnswer WithSymbol(RestRequest request, RestContext context, Func<RestRequest, RestContext, string, RestAnswer> answer)
    {
        var symbol = request.Parameter("symbol");
        if (string.IsNullOrEmpty(symbol) || !context.Feed.HasSymbol(symbol))
            return Error("400100", "symbol is not supported");
        return answer(request, context, symbol);
    }

    private static RestAnswer Level1(RestRequest request, RestContext context, string symbol)
    {
        var quote = context.Feed.Tape.QuoteAt(symbol, context.Position);
        var trade = context.Feed.Tape.TradeAt(symbol, context.Position);
        return Data(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("time", quote?.TimeMs ?? trade?.TimeMs ?? context.NowMs);
            w.WriteString("sequence", context.Position.ToString(CultureInfo.InvariantCulture));
            w.WriteString("price", trade?.Price ?? quote?.Last ?? "0");
            w.WriteString("size", trade?.Size ?? "0");
            w.WriteString("bestBid", quote?.Bid ?? "0");
            w.WriteString("bestBidSize", quote?.BidSize ?? "0");
            w.WriteString("bestAsk", quote?.Ask ?? "0");
            w.WriteString("bestAskSize", quote?.AskSize ?? "0");
            w.WriteEndObject();
        });
    }

    private static RestAnswer Candles(RestRequest request, RestContext context, string symbol)
    {
        if (IntervalMs(request.Parameter("type")) is not { } interval)
            return Error("400100", "type is invalid");
        var candles = Market.CandleBuilder.Build(context.Feed.Tape.TradesBefore(symbol, context.Position), interval, 1500);
        return Data(w =>
        {
            w.WriteStartArray();
            for (var i = candles.Count - 1; i >= 0; i--)
            {
                var candle = candles[i];
                w.WriteStartArray();
                w.WriteStringValue((candle.OpenTimeMs / 1000).ToString(CultureInfo.InvariantCulture));
                w.WriteStringValue(JsonText.Text(candle.Open));
                w.WriteStringValue(JsonText.Text(candle.Close));
                w.WriteStringValue(JsonText.Text(candle.High));
                w.WriteStringValue(JsonText.Text(candle.Low));
                w.WriteStringValue(JsonText.Text(candle.Volume));
                w.WriteStringValue(JsonText.Text(Math.Round(candle.QuoteVolume, 8)));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        });
    }

    private static long? IntervalMs(string? type) => type switch
    {
        "1min" => 60_000,
        "3min" => 180_000,
        "5min" => 300_000,
        "15min" => 900_000,
        "30min" => 1_800_000,
        "1hour" => 3_600_000,
        "2hour" => 7_200_000,
        "4hour" => 14_400_000,
        "6hour" => 21_600_000,
        "8hour" => 28_800_000,
        "12hour" => 43_200_000,
        "1day" => 86_400_000,
        "1week" => 604_800_000,
        _ => null,
    };

    /// <summary>A successful answer: code <c>"200000"</c> and the <c>data</c> <paramref name="data"/> writes.</summary>
    public static RestAnswer Data(Action<Utf8JsonWriter> data) => RestAnswer.Ok(JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", "200000");
        w.WritePropertyName("data");
        data(w);
        w.WriteEndObject();
    }));

    /// <summary>An error answer with KuCoin's code and message (HTTP 400 unless <paramref name="status"/> says otherwise).</summary>
    public static RestAnswer Error(string code, string message, int status = 400) => new(status, JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("msg", message);
        w.WriteEndObject();
    }), []);
}
