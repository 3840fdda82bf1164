using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols.Kraken;

/// <summary>
/// Keys Kraken WebSocket v2 messages by channel and symbol (<c>data[0].symbol</c>); method answers,
/// heartbeats and status messages are session traffic. v1 messages (arrays) are not routed.
/// </summary>
internal sealed class KrakenClassifier : IMessageClassifier
{
    public void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape)
    {
        using var document = JsonText.TryParse(message.Span);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            return;
        var root = document.RootElement;
        var channel = root.String("channel");
        if (root.Has("method") || channel is "heartbeat" or "status")
        {
            result.Class = MessageClass.Session;
            return;
        }
        if (channel is null)
            return;
        var data = root.Property("data");
        var first = data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 ? data[0] : data;
        var symbol = first.String("symbol") ?? string.Empty;
        result.Class = MessageClass.Data;
        result.Key = new StreamKey(KrakenSession.ChannelKey(channel, first.Int64("interval")), symbol);
        if (data.ValueKind != JsonValueKind.Array)
            return;
        foreach (var element in data.EnumerateArray())
            AddFacts(channel, element, timestampNs, position, tape);
    }

    public RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position) => null;

    public IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses) => responses;

    private static void AddFacts(string channel, JsonElement element, long timestampNs, int position, MarketTape tape)
    {
        if (element.String("symbol") is not { } symbol)
            return;
        var time = SessionClock.ParseRfc3339Ms(element.String("timestamp")) ?? timestampNs / 1_000_000;
        if (channel == "ticker" && element.NumberText("bid") is { } bid && element.NumberText("bid_qty") is { } bidSize
            && element.NumberText("ask") is { } ask && element.NumberText("ask_qty") is { } askSize)
        {
            tape.Add(symbol, new TapeQuote(position, time, bid, bidSize, ask, askSize, element.NumberText("last")));
        }
        else if (channel == "trade" && element.NumberText("price") is { } price && element.NumberText("qty") is { } size
                 && JsonText.TryDecimal(price, out var priceValue) && JsonText.TryDecimal(size, out var sizeValue))
        {
            tape.Add(symbol, new TapeTrade(position, time, price, size, priceValue, sizeValue, element.String("side") == "buy"));
        }
    }
}
