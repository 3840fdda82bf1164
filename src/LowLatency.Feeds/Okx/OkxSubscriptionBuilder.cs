using System.Buffers;
using System.Text;
using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Okx;

/// <summary>
/// OKX v5 public subscriptions: connect to <c>/ws/v5/public</c>, then send
/// <c>{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"},..]}</c>.
/// </summary>
/// <remarks>
/// Candles are served on OKX's separate <c>/ws/v5/business</c> endpoint and best-bid-offer
/// (<c>bbo-tbt</c>) is not parsed here, so both are refused rather than silently missing.
/// </remarks>
public sealed class OkxSubscriptionBuilder : ISubscriptionBuilder
{
    private readonly Uri _endpoint;

    /// <summary>Creates the builder for the public endpoint <paramref name="endpoint"/>.</summary>
    public OkxSubscriptionBuilder(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
    }

    /// <inheritdoc />
    public Uri BuildConnectUri(SubscriptionRequest request) => _endpoint;

    /// <inheritdoc />
    public IReadOnlyList<string> BuildSubscribeMessages(SubscriptionRequest request) => [Build("subscribe", request)];

    /// <inheritdoc />
    public IReadOnlyList<string> BuildUnsubscribeMessages(SubscriptionRequest request) => [Build("unsubscribe", request)];

    /// <summary>Channel of each (channel, instId) argument: <c>books</c> (400 levels) or <c>books5</c>, <c>trades</c>, <c>tickers</c>.</summary>
    /// <exception cref="NotSupportedException">A channel or depth OKX's public endpoint does not serve here.</exception>
    public static IReadOnlyList<(string Channel, string InstrumentId)> Arguments(SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unsupported = request.Channels & (MarketChannels.BestBidOffer | MarketChannels.Candles | MarketChannels.Instruments);
        if (unsupported != MarketChannels.None)
            throw new NotSupportedException($"Received channels {unsupported}; the OKX adapter serves Book, Trades and Ticker on the public endpoint.");
        var books = request.BookDepth switch
        {
            0 or 400 => "books",
            5 => "books5",
            _ => throw new NotSupportedException($"Received a book depth of {request.BookDepth}; OKX public books offer 400 (books) and 5 (books5)."),
        };
        var arguments = new List<(string, string)>();
        foreach (var symbol in request.Symbols)
        {
            if (request.Channels.HasFlag(MarketChannels.Book))
                arguments.Add((books, symbol));
            if (request.Channels.HasFlag(MarketChannels.Trades))
                arguments.Add(("trades", symbol));
            if (request.Channels.HasFlag(MarketChannels.Ticker))
                arguments.Add(("tickers", symbol));
        }
        return arguments;
    }

    private static string Build(string operation, SubscriptionRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", operation);
            writer.WriteStartArray("args");
            foreach (var (channel, instrumentId) in Arguments(request))
            {
                writer.WriteStartObject();
                writer.WriteString("channel", channel);
                writer.WriteString("instId", instrumentId);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
