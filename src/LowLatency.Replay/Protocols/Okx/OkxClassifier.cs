using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols.Okx;

/// <summary>
/// Keys OKX v5 public messages by <c>arg.channel</c> and <c>arg.instId</c>; <c>event</c> answers
/// and the plain-text <c>pong</c> are session traffic.
/// </summary>
internal sealed class OkxClassifier : IMessageClassifier
{
    /// <summary>The key of a subscription argument (<c>{"channel":..,"instId":..}</c>).</summary>
    public static StreamKey? ArgumentKey(JsonElement argument) =>
        argument.String("channel") is { } channel ? new StreamKey(channel, argument.String("instId") ?? argument.String("instType") ?? string.Empty) : null;

    public void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape)
    {
        if (message.Span.SequenceEqual("pong"u8))
        {
            result.Class = MessageClass.Session;
            return;
        }
        using var document = JsonText.TryParse(message.Span);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            return;
        var root = document.RootElement;
        if (root.Has("event"))
        {
            result.Class = MessageClass.Session;
            return;
        }
        if (ArgumentKey(root.Property("arg")) is not { } key)
            return;
        result.Class = MessageClass.Data;
        result.Key = key;
        var data = root.Property("data");
        if (data.ValueKind != JsonValueKind.Array)
            return;
        foreach (var element in data.EnumerateArray())
        {
            var symbol = element.String("instId") ?? key.Symbol;
            var time = element.Int64("ts") ?? timestampNs / 1_000_000;
            if (key.Channel == "tickers" && element.String("bidPx") is { } bid && element.String("bidSz") is { } bidSize
                && element.String("askPx") is { } ask && element.String("askSz") is { } askSize)
            {
                tape.Add(symbol, new TapeQuote(position, time, bid, bidSize, ask, askSize, element.String("last")));
            }
            else if (key.Channel == "trades" && element.String("px") is { } price && element.String("sz") is { } size
                     && JsonText.TryDecimal(price, out var priceValue) && JsonText.TryDecimal(size, out var sizeValue))
            {
                tape.Add(symbol, new TapeTrade(position, time, price, size, priceValue, sizeValue, element.String("side") == "buy"));
            }
        }
    }

    public RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position) =>
        RecordedRest.FromUrl(url, body, timestampNs, position, "instId");

    public IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses) => responses;
}
