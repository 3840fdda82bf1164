using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Parsing;

/// <summary>Turns one exchange message into <see cref="MarketEvent"/>s.</summary>
/// <remarks>
/// <para>
/// One instance per connection, used by one thread (it keeps scratch buffers). Parsing reads the
/// message with <c>Utf8JsonReader</c>, resolves symbols through the instrument registry from
/// their bytes and numbers into fixed point, and allocates nothing once its buffers have grown
/// to the largest message seen.
/// </para>
/// <para>
/// A message is atomic: the events are written to the sink only after the whole message parsed;
/// a rejected message writes nothing. The message must be contiguous (a fragmented WebSocket
/// message is reassembled into one buffer first).
/// </para>
/// </remarks>
public interface IExchangeParser
{
    /// <summary>Parses a message received on the stream.</summary>
    /// <typeparam name="TSink">The sink; a struct sink is specialised and inlined.</typeparam>
    ParseResult Parse<TSink>(ReadOnlySpan<byte> message, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink;

    /// <summary>Parses the body of a REST response (a book snapshot) requested from <paramref name="requestUri"/>.</summary>
    /// <param name="requestUri">The request URL as UTF-8 (may be empty when the capture did not record it).</param>
    /// <param name="body">The response body.</param>
    /// <param name="context">Receive time and, when the URL does not say, the instrument the snapshot was requested for.</param>
    /// <param name="sink">Where the events go.</param>
    ParseResult ParseRestResponse<TSink>(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, in MessageContext context, ref TSink sink)
        where TSink : IMarketEventSink;
}
