using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols.Bybit;

/// <summary>
/// Keys Bybit v5 public messages by topic (<c>orderbook.1.BTCUSDT</c> is channel
/// <c>orderbook.1</c>, symbol <c>BTCUSDT</c>); <c>op</c> answers are session traffic.
/// </summary>
/// <remarks>Ticker deltas carry only the fields that changed, so quotes are merged with the symbol's previous one.</remarks>
internal sealed class BybitClassifier : IMessageClassifier
{
    private readonly Dictionary<string, TapeQuote> _lastQuotes = [];

    /// <summary>The key of a topic.</summary>
    public static StreamKey TopicKey(string topic)
    {
        var dot = topic.LastIndexOf('.');
        return dot < 0 ? new StreamKey(topic, string.Empty) : new StreamKey(topic[..dot], topic[(dot + 1)..]);
    }

    public void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape)
    {
        using var document = JsonText.TryParse(message.Span);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            return;
        var root = document.RootElement;
        if (root.Has("op") || root.Has("success"))
        {
            result.Class = MessageClass.Session;
            return;
        }
        if (root.String("topic") is not { } topic)
            return;
        result.Class = MessageClass.Data;
        result.Key = TopicKey(topic);
        var time = root.Int64("ts") ?? timestampNs / 1_000_000;
        var data = root.Property("data");
        if (topic.StartsWith("tickers.", StringComparison.Ordinal))
            AddTicker(data, time, position, tape);
        else if (topic.StartsWith("orderbook.1.", StringComparison.Ordinal))
            AddTopOfBook(data, time, position, tape);
        else if (topic.StartsWith("publicTrade.", StringComparison.Ordinal) && data.ValueKind == JsonValueKind.Array)
            AddTrades(data, position, tape);
    }

    public RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position) =>
        RecordedRest.FromUrl(url, body, timestampNs, position, "symbol");

    public IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses) => responses;

    private void AddTicker(JsonElement data, long time, int position, MarketTape tape)
    {
        if (data.String("symbol") is not { } symbol)
            return;
        _lastQuotes.TryGetValue(symbol, out var previous);
        var quote = new TapeQuote(position, time,
            data.String("bid1Price") ?? previous?.Bid ?? string.Empty, data.String("bid1Size") ?? previous?.BidSize ?? string.Empty,
            data.String("ask1Price") ?? previous?.Ask ?? string.Empty, data.String("ask1Size") ?? previous?.AskSize ?? string.Empty,
            data.String("lastPrice") ?? previous?.Last);
        _lastQuotes[symbol] = quote;
        if (quote.Bid.Length > 0 && quote.Ask.Length > 0)
            tape.Add(symbol, quote);
    }

    private static void AddTopOfBook(JsonElement data, long time, int position, MarketTape tape)
    {
        var bids = data.Property("b");
        var asks = data.Property("a");
        if (data.String("s") is { } symbol && bids.ValueKind == JsonValueKind.Array && bids.GetArrayLength() > 0
            && asks.ValueKind == JsonValueKind.Array && asks.GetArrayLength() > 0)
        {
            tape.Add(symbol, new TapeQuote(position, time, bids[0][0].GetString()!, bids[0][1].GetString()!, asks[0][0].GetString()!, asks[0][1].GetString()!, null));
        }
    }

    private static void AddTrades(JsonElement data, int position, MarketTape tape)
    {
        foreach (var trade in data.EnumerateArray())
        {
            if (trade.String("s") is { } symbol && trade.String("p") is { } price && trade.String("v") is { } size && trade.Int64("T") is { } time
                && JsonText.TryDecimal(price, out var priceValue) && JsonText.TryDecimal(size, out var sizeValue))
            {
                tape.Add(symbol, new TapeTrade(position, time, price, size, priceValue, sizeValue, trade.String("S") == "Buy"));
            }
        }
    }
}
