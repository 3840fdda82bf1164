using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Kraken;

/// <summary>Kraken WebSocket v2 subscriptions: one <c>subscribe</c> request per channel.</summary>
public sealed class KrakenSubscriptionBuilder : ISubscriptionBuilder
{
    private readonly Uri _endpoint;

    /// <summary>Creates the builder for the v2 public endpoint <paramref name="endpoint"/>.</summary>
    public KrakenSubscriptionBuilder(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
    }

    /// <inheritdoc />
    public Uri BuildConnectUri(SubscriptionRequest request) => _endpoint;

    /// <inheritdoc />
    public IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request) => Build("subscribe", request);

    /// <inheritdoc />
    public IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request) => Build("unsubscribe", request);

    private static List<string> Build(string method, SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = new List<string>();
        var symbols = request.Symbols.ToArray();
        if (request.Channels.HasFlag(MarketChannels.Instruments))
            messages.Add(Message(method, new Dictionary<string, object> { ["channel"] = "instrument" }, request.RequestId));
        if (request.Channels.HasFlag(MarketChannels.Book))
            messages.Add(Message(method, new Dictionary<string, object> { ["channel"] = "book", ["symbol"] = symbols, ["depth"] = KrakenDefinition.ValidDepth(request.BookDepth) }, request.RequestId));
        if (request.Channels.HasFlag(MarketChannels.Ticker) || request.Channels.HasFlag(MarketChannels.BestBidOffer))
        {
            // A ticker on every best-bid-offer change serves both channels.
            var trigger = request.Channels.HasFlag(MarketChannels.BestBidOffer) ? "bbo" : "trades";
            messages.Add(Message(method, new Dictionary<string, object> { ["channel"] = "ticker", ["symbol"] = symbols, ["event_trigger"] = trigger }, request.RequestId));
        }
        if (request.Channels.HasFlag(MarketChannels.Trades))
            messages.Add(Message(method, new Dictionary<string, object> { ["channel"] = "trade", ["symbol"] = symbols }, request.RequestId));
        if (request.Channels.HasFlag(MarketChannels.Candles))
        {
            var minutes = request.CandleIntervalSeconds / 60;
            if (minutes is not (1 or 5 or 15 or 30 or 60 or 240 or 1440 or 10080 or 21600) || request.CandleIntervalSeconds % 60 != 0)
                throw new NotSupportedException($"Received a candle interval of {request.CandleIntervalSeconds} s; Kraken offers 1, 5, 15, 30, 60, 240, 1440, 10080 and 21600 minutes.");
            messages.Add(Message(method, new Dictionary<string, object> { ["channel"] = "ohlc", ["symbol"] = symbols, ["interval"] = minutes }, request.RequestId));
        }
        return messages;
    }

    private static string Message(string method, Dictionary<string, object> parameters, long requestId) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["method"] = method, ["params"] = parameters, ["req_id"] = requestId });
}
