using System.Globalization;
using LowLatency.Replay.Market;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>
/// KuCoin futures market data from the recorded tickers and executions: <c>/api/v1/ticker</c>
/// (last trade and best bid and offer, sizes in lots as numbers, time in ns) and
/// <c>/api/v1/kline/query</c> (<c>[time (ms), open, high, low, close, volume]</c> rows as numbers,
/// oldest first, at most 500, within <c>from</c>/<c>to</c> when given).
/// </summary>
internal static class KuCoinFuturesMarket
{
    private const int MaxKlines = 500;
    private static readonly int[] Granularities = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080];

    public static RestAnswer Ticker(RestRequest request, RestContext context, string symbol)
    {
        var quote = context.Feed.Tape.QuoteAt(symbol, context.Position);
        var trade = context.Feed.Tape.TradeAt(symbol, context.Position);
        return KuCoinRest.Data(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", context.Position);
            w.WriteString("symbol", symbol);
            w.WriteString("side", trade is { BuyerIsTaker: false } ? "sell" : "buy");
            w.WritePropertyName("size");
            w.WriteRawValue(trade?.Size ?? "0");
            w.WriteString("tradeId", context.Position.ToString(CultureInfo.InvariantCulture));
            w.WriteString("price", trade?.Price ?? quote?.Last ?? "0");
            w.WriteString("bestBidPrice", quote?.Bid ?? "0");
            w.WritePropertyName("bestBidSize");
            w.WriteRawValue(quote?.BidSize ?? "0");
            w.WriteString("bestAskPrice", quote?.Ask ?? "0");
            w.WritePropertyName("bestAskSize");
            w.WriteRawValue(quote?.AskSize ?? "0");
            w.WriteNumber("ts", (quote?.TimeMs ?? trade?.TimeMs ?? context.NowMs) * 1_000_000);
            w.WriteEndObject();
        });
    }

    public static RestAnswer Klines(RestRequest request, RestContext context, string symbol)
    {
        if (!int.TryParse(request.Parameter("granularity"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || Array.IndexOf(Granularities, minutes) < 0)
        {
            return KuCoinRest.Error("400100", "granularity is invalid");
        }
        var from = Milliseconds(request.Parameter("from")) ?? long.MinValue;
        var to = Milliseconds(request.Parameter("to")) ?? long.MaxValue;
        var candles = CandleBuilder.Build(context.Feed.Tape.TradesBefore(symbol, context.Position), minutes * 60_000L, MaxKlines)
            .Where(c => c.OpenTimeMs >= from && c.OpenTimeMs <= to);
        return KuCoinRest.Data(w =>
        {
            w.WriteStartArray();
            foreach (var candle in candles)
            {
                w.WriteStartArray();
                w.WriteNumberValue(candle.OpenTimeMs);
                w.WriteNumberValue(candle.Open);
                w.WriteNumberValue(candle.High);
                w.WriteNumberValue(candle.Low);
                w.WriteNumberValue(candle.Close);
                w.WriteNumberValue(candle.Volume);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        });
    }

    private static long? Milliseconds(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
