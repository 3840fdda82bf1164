using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>
/// Keys KuCoin messages (<c>"type":"message"</c>) by topic: <c>/market/level2:BTC-USDT</c> is
/// channel <c>/market/level2</c>, symbol <c>BTC-USDT</c>. Welcome, ack, pong and error messages
/// are session traffic. Spot tickers and matches, and futures tickers and executions, go to the
/// tape. Recorded REST responses (level-2 snapshots) are kept by path.
/// </summary>
internal sealed class KuCoinClassifier : IMessageClassifier
{
    /// <summary>The key of a single-symbol topic.</summary>
    public static StreamKey TopicKey(string topic)
    {
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new StreamKey(topic, string.Empty) : new StreamKey(topic[..colon], topic[(colon + 1)..]);
    }

    public void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape)
    {
        using var document = JsonText.TryParse(message.Span);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            return;
        var root = document.RootElement;
        if (root.String("type") is { } type && type != "message")
        {
            result.Class = MessageClass.Session;
            return;
        }
        if (root.String("topic") is not { } topic)
            return;
        result.Class = MessageClass.Data;
        result.Key = TopicKey(topic);
        var data = root.Property("data");
        switch (result.Key.Channel)
        {
            case "/market/ticker":
                AddQuote(tape, result.Key.Symbol, position, data, "bestBid", "bestAsk", data.Int64("time") ?? timestampNs / 1_000_000);
                break;
            case "/contractMarket/ticker" or "/contractMarket/tickerV2":
                AddQuote(tape, result.Key.Symbol, position, data, "bestBidPrice", "bestAskPrice", data.Int64("ts") is { } ns ? ns / 1_000_000 : timestampNs / 1_000_000);
                break;
            case "/market/match" or "/contractMarket/execution":
                AddTrade(tape, result.Key.Symbol, position, data, timestampNs);
                break;
        }
    }

    public RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position) =>
        RecordedRest.FromUrl(url, body, timestampNs, position, "symbol");

    public IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses) => responses;

    // Spot writes every number as a string; futures writes sizes (lots) as JSON numbers.
    private static void AddQuote(MarketTape tape, string symbol, int position, JsonElement data, string bidName, string askName, long timeMs)
    {
        if (data.NumberText(bidName) is { } bid && data.NumberText("bestBidSize") is { } bidSize
            && data.NumberText(askName) is { } ask && data.NumberText("bestAskSize") is { } askSize)
        {
            tape.Add(symbol, new TapeQuote(position, timeMs, bid, bidSize, ask, askSize, data.NumberText("price")));
        }
    }

    // Spot match times and futures execution times are both in nanoseconds.
    private static void AddTrade(MarketTape tape, string symbol, int position, JsonElement data, long timestampNs)
    {
        if (data.NumberText("price") is { } price && data.NumberText("size") is { } size
            && JsonText.TryDecimal(price, out var priceValue) && JsonText.TryDecimal(size, out var sizeValue))
        {
            var time = (data.Int64("time") ?? data.Int64("ts") ?? timestampNs) / 1_000_000;
            tape.Add(data.String("symbol") ?? symbol, new TapeTrade(position, time, price, size, priceValue, sizeValue, data.String("side") == "buy"));
        }
    }
}
