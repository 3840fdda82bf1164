using System.Diagnostics;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Publishing;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;

namespace LowLatency.Engine.Offline;

/// <summary>
/// Feeds one venue's recorded messages into the engine as its connection would: each stream
/// message through the venue's parser into the ring, each recorded REST answer (a book snapshot)
/// through its REST parser, and the cache, risk and signal consumers process them as live data.
/// Open it with <see cref="MarketDataEngine.OpenOfflineFeed"/>.
/// </summary>
/// <remarks>
/// <para>One thread feeds it at a time. A message is stamped when it is fed, so the engine's
/// latency stages and freshness read as for a live feed running at the feeding pace; with the
/// ring's <see cref="Core.Ring.FullRingPolicy.Block"/> policy feeding waits for the consumers
/// rather than losing data.</para>
/// <para>No connection exists, so the books' snapshot requests go nowhere: the recording holds the
/// snapshots. Those recorded in-line without a symbol (the hftbacktest collector's Binance
/// snapshots) go to the book that has waited longest for one, once the consumers caught up, as
/// <see cref="FeedProcessor"/> does.</para>
/// </remarks>
public sealed class OfflineFeed : ISnapshotHintSource, IBookResyncHandler
{
    private readonly ConnectionReader _reader;
    private readonly RestSnapshotPublisher _rest;
    private readonly EventPublisher _restPublisher;
    private readonly Func<TimeSpan, bool> _waitForConsumers;
    private readonly Func<int, BookQuality?> _bookQuality;
    private readonly Lock _requestsGate = new();
    private readonly SnapshotRequestQueue _requests = new();
    private readonly SeenInstruments _seen = new();

    internal OfflineFeed(string venue, ConnectionReader reader, RestSnapshotPublisher rest, EventPublisher restPublisher, Func<TimeSpan, bool> waitForConsumers,
        Func<int, BookQuality?> bookQuality)
    {
        _bookQuality = bookQuality;
        Venue = venue;
        _reader = reader;
        _rest = rest;
        _restPublisher = restPublisher;
        _waitForConsumers = waitForConsumers;
    }

    /// <summary>The venue fed, e.g. <c>binance-spot</c>.</summary>
    public string Venue { get; }

    /// <summary>Results of every message and REST answer fed (messages, events, unknown, errors by kind).</summary>
    public ParseCounters Counters { get; } = new();

    /// <summary>Instruments that had at least one event, in first-seen order.</summary>
    public IReadOnlyList<int> InstrumentsSeen => _seen.Order;

    /// <summary>Parses a recorded stream message and publishes its events.</summary>
    /// <returns>The parser's result; an error or unknown message changes no book or cache.</returns>
    public ParseResult OnMessage(ReadOnlySpan<byte> payload)
    {
        var result = _reader.OnPayload(payload, Stopwatch.GetTimestamp(), this);
        Observe(_reader.LastEvents);
        Counters.Record(result);
        return result;
    }

    /// <summary>Parses a recorded REST answer to <paramref name="requestUri"/> (UTF-8; a book snapshot) and publishes its events.</summary>
    /// <returns>The parser's result; an error or unknown answer changes no book or cache.</returns>
    public ParseResult OnRestResponse(ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> body)
    {
        var result = _rest.Publish(requestUri, body, -1, Stopwatch.GetTimestamp(), _restPublisher);
        if (result.Error == ParseError.MissingField && AwaitingSnapshot() is var instrumentId and >= 0)
            result = _rest.Publish(requestUri, body, instrumentId, Stopwatch.GetTimestamp(), _restPublisher);
        Observe(_rest.LastEvents);
        Counters.Record(result);
        return result;
    }

    /// <summary>Waits until the consumers have processed everything fed so far; false when <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilProcessed(TimeSpan timeout) => _waitForConsumers(timeout);

    /// <remarks>Cache consumer thread (through the engine's snapshot requester): a book of this venue needs a snapshot.</remarks>
    void IBookResyncHandler.OnSnapshotRequired(int instrumentId, ResyncReason reason)
    {
        lock (_requestsGate)
            _requests.OnSnapshotRequired(instrumentId, reason);
    }

    /// <inheritdoc cref="ISnapshotHintSource.AwaitingSnapshot" />
    /// <remarks>A request is answered once its book is synced again, whichever message brought the snapshot.</remarks>
    int ISnapshotHintSource.AwaitingSnapshot() => AwaitingSnapshot();

    private int AwaitingSnapshot()
    {
        _waitForConsumers(Timeout.InfiniteTimeSpan);
        lock (_requestsGate)
        {
            while (_requests.Oldest is var oldest and >= 0 && _bookQuality(oldest) == BookQuality.Synced)
                _requests.Satisfied(oldest);
            return _requests.Oldest;
        }
    }

    private void Observe(ReadOnlySpan<MarketEvent> events)
    {
        foreach (ref readonly var e in events)
            _seen.Add(e.InstrumentId);
    }
}
