using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// Binance subscriptions: connect to the combined-stream endpoint (<c>/stream</c>, so every
/// message is wrapped as <c>{"stream":..,"data":..}</c> and names its stream), then send
/// <c>SUBSCRIBE</c> with stream names such as <c>btcusdt@depth@100ms</c>.
/// </summary>
public sealed class BinanceSubscriptionBuilder : ISubscriptionBuilder
{
    private readonly Uri _endpoint;

    /// <summary>Creates the builder for the combined-stream endpoint <paramref name="endpoint"/>.</summary>
    public BinanceSubscriptionBuilder(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
    }

    /// <inheritdoc />
    public Uri BuildConnectUri(SubscriptionRequest request) => _endpoint;

    /// <inheritdoc />
    public IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request) => [Build("SUBSCRIBE", request)];

    /// <inheritdoc />
    public IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request) => [Build("UNSUBSCRIBE", request)];

    /// <summary>Stream names for the request, e.g. <c>btcusdt@depth@100ms</c>, <c>btcusdt@bookTicker</c>.</summary>
    /// <exception cref="NotSupportedException">A channel Binance market streams do not serve here (ticker, instruments).</exception>
    public static IReadOnlyList<string> StreamNames(SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unsupported = request.Channels & (MarketChannels.Ticker | MarketChannels.Instruments);
        if (unsupported != MarketChannels.None)
            throw new NotSupportedException($"Received channels {unsupported}; Binance adapters serve Book, Trades, BestBidOffer and Candles.");
        var interval = IntervalName(request.CandleIntervalSeconds);
        var names = new List<string>();
        foreach (var symbol in request.Symbols)
        {
            var stream = symbol.ToLowerInvariant();
            if (request.Channels.HasFlag(MarketChannels.Book))
                names.Add(stream + "@depth@100ms");
            if (request.Channels.HasFlag(MarketChannels.BestBidOffer))
                names.Add(stream + "@bookTicker");
            if (request.Channels.HasFlag(MarketChannels.Trades))
                names.Add(stream + "@trade");
            if (request.Channels.HasFlag(MarketChannels.Candles))
                names.Add(stream + "@kline_" + interval);
        }
        return names;
    }

    private static string Build(string method, SubscriptionRequest request) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["method"] = method,
            ["params"] = StreamNames(request),
            ["id"] = request.RequestId,
        });

    private static string IntervalName(int seconds) => seconds switch
    {
        1 => "1s",
        60 => "1m",
        180 => "3m",
        300 => "5m",
        900 => "15m",
        1800 => "30m",
        3600 => "1h",
        7200 => "2h",
        14_400 => "4h",
        21_600 => "6h",
        28_800 => "8h",
        43_200 => "12h",
        86_400 => "1d",
        259_200 => "3d",
        604_800 => "1w",
        _ => throw new NotSupportedException($"Received a candle interval of {seconds} s; Binance offers 1s, 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d and 1w."),
    };
}
