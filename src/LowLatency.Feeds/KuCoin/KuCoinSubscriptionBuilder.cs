using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.KuCoin;

/// <summary>
/// KuCoin subscriptions: connect with a bullet token (<see cref="KuCoinBulletToken.ConnectUri"/>),
/// then send <c>{"id":..,"type":"subscribe","topic":"/market/level2:BTC-USDT,ETH-USDT","privateChannel":false,"response":true}</c>.
/// </summary>
/// <remarks>
/// Spot topics take up to 100 comma-separated symbols; futures topics and candle topics take
/// one symbol each. The full-depth incremental book is the only book served (KuCoin's
/// <c>level2Depth5/50</c> are periodic snapshots), so a depth other than 0 is refused.
/// </remarks>
public sealed class KuCoinSubscriptionBuilder : ISubscriptionBuilder
{
    /// <summary>Symbols per spot topic.</summary>
    public const int MaxSymbolsPerTopic = 100;

    private readonly KuCoinMarket _market;
    private readonly Uri _endpoint;

    /// <summary>Creates the builder for <paramref name="market"/>.</summary>
    /// <param name="market">Spot or futures.</param>
    /// <param name="endpoint">The documented public endpoint; the live URL comes from the bullet token.</param>
    public KuCoinSubscriptionBuilder(KuCoinMarket market, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _market = market;
        _endpoint = endpoint;
    }

    /// <inheritdoc />
    /// <remarks>KuCoin needs a token in the URL: connect to <see cref="KuCoinBulletToken.ConnectUri"/>; this is the token-less endpoint.</remarks>
    public Uri BuildConnectUri(SubscriptionRequest request) => _endpoint;

    /// <inheritdoc />
    public IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request) => Build("subscribe", request);

    /// <inheritdoc />
    public IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request) => Build("unsubscribe", request);

    /// <summary>Topics for the request, e.g. <c>/market/level2:BTC-USDT,ETH-USDT</c>, <c>/contractMarket/execution:XBTUSDTM</c>.</summary>
    /// <exception cref="NotSupportedException">A channel, depth or candle interval not served here.</exception>
    public IReadOnlyList<string> Topics(SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Channels & MarketChannels.Instruments) != 0)
            throw new NotSupportedException("Received channel Instruments; KuCoin adapters serve Book, Trades, Ticker, BestBidOffer and Candles.");
        if (request.BookDepth != 0)
            throw new NotSupportedException($"Received a book depth of {request.BookDepth}; the KuCoin adapter serves the full-depth incremental book (depth 0).");
        var candleType = (request.Channels & MarketChannels.Candles) != 0 ? CandleType(request.CandleIntervalSeconds) : null;
        var topics = new List<string>();
        if (_market == KuCoinMarket.Spot)
        {
            foreach (var prefix in SpotPrefixes(request.Channels))
            {
                for (var first = 0; first < request.Symbols.Count; first += MaxSymbolsPerTopic)
                    topics.Add(prefix + string.Join(',', request.Symbols.Skip(first).Take(MaxSymbolsPerTopic)));
            }
            if (candleType is not null)
                topics.AddRange(request.Symbols.Select(symbol => $"/market/candles:{symbol}_{candleType}"));
            return topics;
        }
        foreach (var symbol in request.Symbols)
        {
            foreach (var prefix in FuturesPrefixes(request.Channels))
                topics.Add(prefix + symbol);
            if (candleType is not null)
                topics.Add($"/contractMarket/limitCandle:{symbol}_{candleType}");
        }
        return topics;
    }

    private static IEnumerable<string> SpotPrefixes(MarketChannels channels)
    {
        if ((channels & MarketChannels.Book) != 0)
            yield return "/market/level2:";
        // The spot ticker carries the best bid and offer with the book's sequence.
        if ((channels & (MarketChannels.Ticker | MarketChannels.BestBidOffer)) != 0)
            yield return "/market/ticker:";
        if ((channels & MarketChannels.Trades) != 0)
            yield return "/market/match:";
    }

    private static IEnumerable<string> FuturesPrefixes(MarketChannels channels)
    {
        if ((channels & MarketChannels.Book) != 0)
            yield return "/contractMarket/level2:";
        if ((channels & MarketChannels.Ticker) != 0)
            yield return "/contractMarket/ticker:";
        if ((channels & MarketChannels.BestBidOffer) != 0)
            yield return "/contractMarket/tickerV2:";
        if ((channels & MarketChannels.Trades) != 0)
            yield return "/contractMarket/execution:";
    }

    private List<string> Build(string type, SubscriptionRequest request)
    {
        var messages = new List<string>();
        var id = request.RequestId;
        foreach (var topic in Topics(request))
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("id", (id++).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("type", type);
                writer.WriteString("topic", topic);
                writer.WriteBoolean("privateChannel", false);
                writer.WriteBoolean("response", true);
                writer.WriteEndObject();
            }
            messages.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        return messages;
    }

    private static string CandleType(int seconds) => seconds switch
    {
        60 or 180 or 300 or 900 or 1800 => $"{seconds / 60}min",
        3600 or 7200 or 14_400 or 21_600 or 28_800 or 43_200 => $"{seconds / 3600}hour",
        86_400 => "1day",
        604_800 => "1week",
        _ => throw new NotSupportedException($"Received a candle interval of {seconds} s; KuCoin offers 1, 3, 5, 15 and 30 min, 1, 2, 4, 6, 8 and 12 hours, 1 day and 1 week."),
    };
}
