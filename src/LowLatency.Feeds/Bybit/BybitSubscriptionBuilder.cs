using System.Buffers;
using System.Text;
using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Bybit;

/// <summary>
/// Bybit v5 subscriptions: connect to the market's public endpoint, then send
/// <c>{"req_id":..,"op":"subscribe","args":["orderbook.50.BTCUSDT",..]}</c>, at most ten topics
/// per message (the spot endpoint refuses more).
/// </summary>
public sealed class BybitSubscriptionBuilder : ISubscriptionBuilder
{
    /// <summary>Topics per subscribe message.</summary>
    public const int MaxTopicsPerMessage = 10;

    private readonly Uri _endpoint;
    private readonly IReadOnlyList<int> _depths;
    private readonly int _defaultDepth;

    /// <summary>Creates the builder for <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The market's public WebSocket endpoint.</param>
    /// <param name="depths">Book depths the market offers, ascending.</param>
    /// <param name="defaultDepth">Depth used when the request asks for the venue's default.</param>
    public BybitSubscriptionBuilder(Uri endpoint, IReadOnlyList<int> depths, int defaultDepth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(depths);
        _endpoint = endpoint;
        _depths = depths;
        _defaultDepth = defaultDepth;
    }

    /// <inheritdoc />
    public Uri BuildConnectUri(SubscriptionRequest request) => _endpoint;

    /// <inheritdoc />
    public IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request) => Build("subscribe", request);

    /// <inheritdoc />
    public IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request) => Build("unsubscribe", request);

    /// <summary>Topics for the request, e.g. <c>orderbook.50.BTCUSDT</c>, <c>publicTrade.BTCUSDT</c>, <c>kline.1.BTCUSDT</c>.</summary>
    /// <exception cref="NotSupportedException">A channel, depth or candle interval Bybit does not offer here.</exception>
    public IReadOnlyList<string> Topics(SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unsupported = request.Channels & (MarketChannels.BestBidOffer | MarketChannels.Instruments);
        if (unsupported != MarketChannels.None)
            throw new NotSupportedException($"Received channels {unsupported}; Bybit adapters serve Book, Trades, Ticker and Candles.");
        var depth = request.BookDepth == 0 ? _defaultDepth : request.BookDepth;
        if (request.Channels.HasFlag(MarketChannels.Book) && !_depths.Contains(depth))
            throw new NotSupportedException($"Received a book depth of {depth}; this Bybit market offers {string.Join(", ", _depths)}.");
        var interval = request.Channels.HasFlag(MarketChannels.Candles) ? IntervalName(request.CandleIntervalSeconds) : null;
        var topics = new List<string>();
        foreach (var symbol in request.Symbols)
        {
            if (request.Channels.HasFlag(MarketChannels.Book))
                topics.Add($"orderbook.{depth}.{symbol}");
            if (request.Channels.HasFlag(MarketChannels.Trades))
                topics.Add("publicTrade." + symbol);
            if (request.Channels.HasFlag(MarketChannels.Ticker))
                topics.Add("tickers." + symbol);
            if (interval is not null)
                topics.Add($"kline.{interval}.{symbol}");
        }
        return topics;
    }

    private List<string> Build(string operation, SubscriptionRequest request)
    {
        var topics = Topics(request);
        var messages = new List<string>();
        for (var first = 0; first < topics.Count; first += MaxTopicsPerMessage)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("req_id", request.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("op", operation);
                writer.WriteStartArray("args");
                for (var i = first; i < Math.Min(first + MaxTopicsPerMessage, topics.Count); i++)
                    writer.WriteStringValue(topics[i]);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            messages.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        return messages;
    }

    private static string IntervalName(int seconds) => seconds switch
    {
        60 or 180 or 300 or 900 or 1800 or 3600 or 7200 or 14_400 or 21_600 or 43_200 => (seconds / 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
        86_400 => "D",
        604_800 => "W",
        2_592_000 => "M",
        _ => throw new NotSupportedException($"Received a candle interval of {seconds} s; Bybit offers 1, 3, 5, 15, 30, 60, 120, 240, 360 and 720 minutes, D, W and M."),
    };
}
