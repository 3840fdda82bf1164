using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Engine.Publishing;

/// <summary>
/// Parses REST answers that carry book snapshots with a venue's parser and publishes their events
/// into the ring, whole or not at all.
/// </summary>
/// <remarks>
/// REST completions of several requests may run at once: parsing and publishing are serialised
/// here, so one answer's events stay contiguous in the ring and the event buffer is reused.
/// </remarks>
internal sealed class RestSnapshotPublisher
{
    private readonly IExchangeParser _parser;
    private readonly Lock _gate = new();
    private MarketEvent[] _events = new MarketEvent[256];
    private int _lastEventCount;

    public RestSnapshotPublisher(IExchangeParser parser) => _parser = parser;

    /// <summary>The events of the latest answer published (valid until the next one; read by the thread that published it).</summary>
    public ReadOnlySpan<MarketEvent> LastEvents => _events.AsSpan(0, _lastEventCount);

    /// <summary>
    /// Parses the answer to <paramref name="requestUri"/> (UTF-8) and publishes its events when it
    /// parsed; <paramref name="instrumentId"/> names the instrument when the answer does not (-1: none).
    /// </summary>
    public ParseResult Publish(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body, int instrumentId, long receiveTimestamp, EventPublisher publisher)
    {
        lock (_gate)
        {
            var collector = new EventCollector(_events);
            var result = _parser.ParseRestResponse(requestUri, body, new MessageContext(receiveTimestamp, instrumentId), ref collector);
            _events = collector.Buffer;
            _lastEventCount = result.Status == ParseStatus.Ok ? collector.Events.Length : 0;
            if (result.Status == ParseStatus.Ok)
                publisher.Publish(collector.Events);
            return result;
        }
    }
}
