using System.Text;
using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Json;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols.Binance;

/// <summary>
/// Keys Binance messages by stream, encodes both frame variants (combined-stream wrapping and raw
/// payload), and picks up the depth snapshots the hftbacktest collector writes in-line.
/// </summary>
/// <remarks>
/// An in-line snapshot names no symbol (spot, USD-M); it belongs to the depth stream around it:
/// the last one seen before it, or the first one after it when it opens the file.
/// </remarks>
internal sealed class BinanceClassifier : IMessageClassifier
{
    private readonly List<RecordedRestResponse> _pending = [];
    private readonly Dictionary<RecordedRestResponse, string> _resolved = new(ReferenceEqualityComparer.Instance);
    private string? _lastDepthSymbol;

    public void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return;
            if (root.String("stream") is { } stream && JsonSlices.TryFindTopLevelValue(message.Span, "data"u8, out var start, out var end))
            {
                result.Class = MessageClass.Data;
                result.Key = BinanceStreamName.ToKey(stream);
                result.Payloads[1] = message[start..end];
                OnData(result.Key, root.Property("data"), timestampNs, position, tape);
                return;
            }
            if (root.Has("lastUpdateId") && root.Has("bids"))
            {
                var symbol = root.String("symbol") ?? _lastDepthSymbol;
                var snapshot = new RecordedRestResponse(BinanceRest.DepthEndpoint, symbol, timestampNs, position, message.ToArray());
                if (symbol is null)
                    _pending.Add(snapshot);
                result.Class = MessageClass.RestSnapshot;
                result.Snapshot = snapshot;
                return;
            }
            if (root.Has("id") && (root.Has("result") || root.Has("error")))
            {
                result.Class = MessageClass.Session;
                return;
            }
            if (RawStream(root) is not { } key)
                return;
            result.Class = MessageClass.Data;
            result.Key = key;
            result.Payloads[0] = Wrap(BinanceStreamName.FromKey(key), message.Span);
            result.Payloads[1] = message;
            OnData(key, root, timestampNs, position, tape);
        }
    }

    public RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position)
    {
        if (!Uri.TryCreate(Encoding.UTF8.GetString(url), UriKind.Absolute, out var uri) || !uri.AbsolutePath.EndsWith("/depth", StringComparison.Ordinal))
            return null;
        var symbol = QueryString.Get(uri.Query.TrimStart('?'), "symbol");
        return new RecordedRestResponse(BinanceRest.DepthEndpoint, symbol, timestampNs, position, body.ToArray());
    }

    public IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses) =>
        responses.Select(r => _resolved.TryGetValue(r, out var symbol) ? r with { Symbol = symbol } : r).ToArray();

    private void OnData(StreamKey key, JsonElement data, long timestampNs, int position, MarketTape tape)
    {
        if (key.Channel == "depth" && key.Symbol.Length > 0)
        {
            _lastDepthSymbol = key.Symbol.ToUpperInvariant();
            foreach (var snapshot in _pending)
                _resolved[snapshot] = _lastDepthSymbol;
            _pending.Clear();
        }
        var symbol = data.String("s");
        if (symbol is null)
            return;
        var eventType = data.String("e");
        if (eventType is "trade" or "aggTrade")
        {
            var price = data.String("p");
            var size = data.String("q");
            if (JsonText.TryDecimal(price, out var priceValue) && JsonText.TryDecimal(size, out var sizeValue) && data.Int64("T") is { } time)
            {
                var buyerIsMaker = data.TryGetProperty("m", out var m) && m.ValueKind == JsonValueKind.True;
                tape.Add(symbol, new TapeTrade(position, time, price!, size!, priceValue, sizeValue, !buyerIsMaker));
            }
            return;
        }
        if (eventType is null or "bookTicker" or "24hrTicker"
            && data.String("b") is { } bid && data.String("B") is { } bidSize && data.String("a") is { } ask && data.String("A") is { } askSize)
        {
            var time = data.Int64("E") ?? data.Int64("T") ?? timestampNs / 1_000_000;
            tape.Add(symbol, new TapeQuote(position, time, bid, bidSize, ask, askSize, eventType == "24hrTicker" ? data.String("c") : null));
        }
    }

    /// <summary>The stream a raw (unwrapped) payload came from, by its event type and symbol.</summary>
    private static StreamKey? RawStream(JsonElement root)
    {
        var symbol = root.String("s")?.ToLowerInvariant();
        if (symbol is null)
            return null;
        var channel = root.String("e") switch
        {
            "depthUpdate" => "depth",
            "kline" => "kline_" + root.Property("k").String("i"),
            "24hrTicker" => "ticker",
            "24hrMiniTicker" => "miniTicker",
            "markPriceUpdate" => "markPrice",
            null when root.Has("b") && root.Has("a") && root.Has("u") => "bookTicker",
            null => null,
            var other => other,
        };
        return channel is null ? null : new StreamKey(channel, symbol);
    }

    private static byte[] Wrap(string stream, ReadOnlySpan<byte> data)
    {
        var prefix = Encoding.UTF8.GetBytes("{\"stream\":\"" + stream + "\",\"data\":");
        var wrapped = new byte[prefix.Length + data.Length + 1];
        prefix.CopyTo(wrapped, 0);
        data.CopyTo(wrapped.AsSpan(prefix.Length));
        wrapped[^1] = (byte)'}';
        return wrapped;
    }
}
