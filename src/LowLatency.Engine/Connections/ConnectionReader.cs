using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Offline;
using LowLatency.Engine.Publishing;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.WebSockets;

namespace LowLatency.Engine.Connections;

/// <summary>
/// The reader side of one pooled connection, run by the WebSocket receive thread: every message
/// goes through the venue's parser into a reusable event buffer, then into the ring as one claim.
/// </summary>
/// <remarks>
/// <para>Allocation-free per message once the buffers have grown to the largest message: the
/// payload is parsed in place when it arrived in one segment and copied into a reused buffer
/// otherwise; latencies go to histograms owned by this thread; counters are plain fields
/// published with release writes.</para>
/// <para>One instance serves every connection of its pool entry in turn (a reconnect starts a new
/// receive thread only after the previous one ended), so its parser and buffers carry over.</para>
/// </remarks>
internal sealed class ConnectionReader : IWebSocketMessageHandler
{
    private readonly IExchangeParser _parser;
    private readonly EventPublisher _publisher;
    private readonly long[] _channelMessages = new long[TrackedChannels.Count];
    private MarketEvent[] _buffer;
    private byte[] _contiguous;
    private long _messages;
    private long _heartbeats;
    private long _unknown;
    private long _errors;
    private long _events;
    private long _lastMessageTimestamp;
    private int _lastEventCount;

    public ConnectionReader(IExchangeParser parser, EventPublisher publisher, string key, int bufferEvents = ConnectionReaderDefaults.BufferEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferEvents, 1);
        _buffer = new MarketEvent[bufferEvents];
        // A JSON level takes about 20-40 bytes on the wire: room for the text of a message of that many levels.
        _contiguous = new byte[bufferEvents * ConnectionReaderDefaults.BytesPerEvent];
        _parser = parser;
        _publisher = publisher;
        Key = key;
        Probe = new AllocationProbe("reader " + key);
    }

    /// <summary>The venue key of the connection, e.g. <c>binance_spot</c>.</summary>
    public string Key { get; }

    /// <summary>Receive → parsed latency (this reader's thread records, anyone snapshots).</summary>
    public LatencyHistogram ParsedLatency { get; } = new();

    /// <summary>Receive → published latency.</summary>
    public LatencyHistogram PublishedLatency { get; } = new();

    /// <summary>The reader thread's allocation counter, sampled per message.</summary>
    public AllocationProbe Probe { get; }

    /// <summary>Messages received.</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Messages without market data (acks, heartbeats, pongs): they prove the connection, not a channel.</summary>
    public long Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>Messages the parser did not recognise.</summary>
    public long Unknown => Volatile.Read(ref _unknown);

    /// <summary>Messages the parser rejected.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>Events parsed.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary>Receive timestamp of the last message (any kind), Stopwatch ticks; 0 before the first.</summary>
    public long LastMessageTimestamp => Volatile.Read(ref _lastMessageTimestamp);

    /// <summary>Events dropped on a full ring.</summary>
    public long Dropped => _publisher.Dropped;

    /// <summary>Market-data messages of a tracked channel (by <see cref="TrackedChannels"/> index).</summary>
    public long ChannelMessages(int channel) => Volatile.Read(ref _channelMessages[channel]);

    /// <inheritdoc />
    public void OnMessage(in WebSocketMessage message) => OnPayload(Contiguous(message.Payload), message.ReceiveTimestamp);

    /// <summary>The events of the latest message (valid until the next one; the offline feed inspects them).</summary>
    public ReadOnlySpan<MarketEvent> LastEvents => _buffer.AsSpan(0, _lastEventCount);

    /// <summary>
    /// Parses one whole message received at <paramref name="received"/> (Stopwatch ticks) and
    /// publishes its events: the receive path, and the offline path that feeds recorded messages.
    /// </summary>
    /// <param name="payload">The message.</param>
    /// <param name="received">Receive timestamp, Stopwatch ticks.</param>
    /// <param name="snapshots">
    /// Offline only: which book awaits a snapshot, for snapshot bodies recorded in-line without a
    /// symbol (the hftbacktest collector's Binance snapshots); null on the receive path.
    /// </param>
    /// <returns>The parser's result (an error leaves every book and cache as it was).</returns>
    public ParseResult OnPayload(ReadOnlySpan<byte> payload, long received, ISnapshotHintSource? snapshots = null)
    {
        var collector = new EventCollector(_buffer);
        var result = _parser.Parse(payload, new MessageContext(received), ref collector);
        if (result.Error == ParseError.MissingField && snapshots is not null)
            result = ParseSettled(payload, received, snapshots, ref collector);
        _buffer = collector.Buffer;
        _lastEventCount = collector.Events.Length;
        long parsed = Stopwatch.GetTimestamp();
        Volatile.Write(ref _messages, _messages + 1);
        Volatile.Write(ref _lastMessageTimestamp, received);
        var events = collector.Events;
        if (!events.IsEmpty)
        {
            ParsedLatency.Record(StopwatchTime.ElapsedNanoseconds(received, parsed));
            _publisher.Publish(events);
            PublishedLatency.Record(StopwatchTime.ElapsedNanoseconds(received, Stopwatch.GetTimestamp()));
            Volatile.Write(ref _events, _events + events.Length);
            int channel = TrackedChannels.IndexOf(events[0].Kind);
            if (channel != TrackedChannels.None)
                Volatile.Write(ref _channelMessages[channel], _channelMessages[channel] + 1);
        }
        else
        {
            Count(result.Status);
        }
        Probe.Sample(_messages);
        return result;
    }

    /// <summary>
    /// A snapshot without a symbol: once the consumers processed everything published, the book
    /// that asked first is known, and the message parses again for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ParseResult ParseSettled(ReadOnlySpan<byte> payload, long received, ISnapshotHintSource snapshots, ref EventCollector collector)
    {
        int instrumentId = snapshots.AwaitingSnapshot();
        if (instrumentId < 0)
            return ParseResult.Failed(ParseError.MissingField);
        collector = new EventCollector(collector.Buffer);
        return _parser.Parse(payload, new MessageContext(received, instrumentId), ref collector);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Count(ParseStatus status)
    {
        switch (status)
        {
            case ParseStatus.Ignored:
                Volatile.Write(ref _heartbeats, _heartbeats + 1);
                break;
            case ParseStatus.Unknown:
                Volatile.Write(ref _unknown, _unknown + 1);
                break;
            case ParseStatus.Error:
                Volatile.Write(ref _errors, _errors + 1);
                break;
        }
    }

    /// <summary>
    /// The payload as one span. The copy buffer grows with the largest message seen, whether it
    /// needed copying or not: where a message straddles two pipe segments is chance, so growing only
    /// on a straddling message would allocate at random long after warm-up.
    /// </summary>
    private ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> payload)
    {
        int length = checked((int)payload.Length);
        if (_contiguous.Length < length)
            Grow(length);
        if (payload.IsSingleSegment)
            return payload.FirstSpan;
        payload.CopyTo(_contiguous);
        return _contiguous.AsSpan(0, length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int length) => _contiguous = new byte[Math.Max(length, _contiguous.Length * 2)];
}
