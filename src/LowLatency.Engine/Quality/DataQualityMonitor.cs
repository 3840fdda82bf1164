using System.Diagnostics;
using System.Globalization;
using LowLatency.Core.Instruments;
using LowLatency.Engine.Books;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Options;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Quality;

/// <summary>
/// Decides the data-quality state of every subscribed instrument and channel, and reports each
/// transition once: on a timer (so silence is noticed) and whenever a read asks.
/// </summary>
/// <remarks>
/// <para>The inputs are what the hot threads already publish (the board's last-update times and
/// book qualities, the connection's state and last message), so the hot path does nothing extra
/// for quality tracking.</para>
/// <para>Staleness is heartbeat-aware: a channel is stale when its own last update is older than
/// its threshold, whatever else arrives; the reason then says whether the connection is alive
/// (heartbeats or other channels still arrive) or silent. A read served from REST after the last
/// stream update makes a non-synced channel <see cref="DataQuality.Degraded"/> until the stream
/// catches up.</para>
/// </remarks>
internal sealed class DataQualityMonitor : IDisposable
{
    private readonly InstrumentRegistry _instruments;
    private readonly InstrumentBoard _board;
    private readonly FreshnessOptions _freshness;
    private readonly VenueCatalog _venues;
    private readonly Func<string, FeedConnection?> _connectionOf;
    private readonly bool _webSocket;
    private readonly Action<DataQualityChange> _onChange;
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Instrument, MarketChannels Channel), QualityEntry> _entries = [];
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly TimeSpan _interval;
    private readonly Thread _thread;

    public DataQualityMonitor(InstrumentRegistry instruments, InstrumentBoard board, FreshnessOptions freshness, VenueCatalog venues,
        Func<string, FeedConnection?> connectionOf, bool webSocket, TimeSpan interval, Action<DataQualityChange> onChange)
    {
        _instruments = instruments;
        _board = board;
        _freshness = freshness;
        _venues = venues;
        _connectionOf = connectionOf;
        _webSocket = webSocket;
        _interval = interval;
        _onChange = onChange;
        _thread = new Thread(Run) { IsBackground = true, Name = "engine-quality" };
        _thread.Start();
    }

    /// <summary>A topic got its first subscriber (true) or lost its last (false).</summary>
    public void Track(int instrumentId, MarketChannels channel, bool subscribed)
    {
        lock (_gate)
        {
            var entry = EntryOf(instrumentId, channel);
            entry.Subscribed = subscribed;
            entry.SubscribedAt = Stopwatch.GetTimestamp();
            entry.ResyncsSeen = _board.Resyncs(instrumentId);
            Refresh(instrumentId, channel, entry, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>A read of this instrument and channel was just served from REST.</summary>
    public void MarkDegraded(int instrumentId, MarketChannels channel)
    {
        lock (_gate)
        {
            var entry = EntryOf(instrumentId, channel);
            entry.DegradedAt = Stopwatch.GetTimestamp();
            Refresh(instrumentId, channel, entry, entry.DegradedAt);
        }
    }

    /// <summary>The state now (evaluated on the spot; a transition found here is reported like any other).</summary>
    public DataQualityState Get(int instrumentId, MarketChannels channel)
    {
        lock (_gate)
            return Refresh(instrumentId, channel, EntryOf(instrumentId, channel), Stopwatch.GetTimestamp());
    }

    /// <summary>Every tracked state.</summary>
    public IReadOnlyList<(Instrument Instrument, MarketChannels Channel, DataQualityState State)> All()
    {
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            return [.. _entries.Where(e => e.Value.Subscribed || e.Value.DegradedAt != 0)
                .Select(e => (_instruments.Get(e.Key.Instrument), e.Key.Channel, Refresh(e.Key.Instrument, e.Key.Channel, e.Value, now)))];
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
    }

    private void Run()
    {
        while (!_stop.Wait(_interval))
        {
            lock (_gate)
            {
                long now = Stopwatch.GetTimestamp();
                foreach (var (key, entry) in _entries)
                    Refresh(key.Instrument, key.Channel, entry, now);
            }
        }
    }

    private QualityEntry EntryOf(int instrumentId, MarketChannels channel)
    {
        if (!_entries.TryGetValue((instrumentId, channel), out var entry))
        {
            entry = new QualityEntry { SubscribedAt = Stopwatch.GetTimestamp() };
            _entries.Add((instrumentId, channel), entry);
        }
        return entry;
    }

    private DataQualityState Refresh(int instrumentId, MarketChannels channel, QualityEntry entry, long now)
    {
        var (quality, reason) = Evaluate(instrumentId, channel, entry, now);
        if (channel == MarketChannels.Book)
            ReportMissedResync(instrumentId, entry, quality);
        var current = entry.State;
        if (current is not null && current.Quality == quality)
            return current;
        var next = new DataQualityState(quality, reason, DateTimeOffset.UtcNow);
        entry.State = next;
        if (current is not null)
            _onChange(new DataQualityChange(_instruments.Get(instrumentId), channel, current.Quality, next));
        return next;
    }

    /// <summary>
    /// A book that left Synced and came back between two checks: both transitions are reported,
    /// with the reason the book gave, so no resynchronisation goes unseen.
    /// </summary>
    private void ReportMissedResync(int instrumentId, QualityEntry entry, DataQuality quality)
    {
        long resyncs = _board.Resyncs(instrumentId);
        if (resyncs == entry.ResyncsSeen)
            return;
        entry.ResyncsSeen = resyncs;
        if (entry.State is not { Quality: DataQuality.Synced } synced || quality != DataQuality.Synced)
            return;
        var reason = _board.LastResyncReason(instrumentId);
        var (blip, why) = reason == ResyncReason.Stale
            ? (DataQuality.Stale, "data may be missing (reconnect or ring overrun); resynchronised within a check interval")
            : (DataQuality.Resyncing, $"resynchronised after {reason} within a check interval");
        var instrument = _instruments.Get(instrumentId);
        var left = new DataQualityState(blip, why, DateTimeOffset.UtcNow);
        _onChange(new DataQualityChange(instrument, MarketChannels.Book, synced.Quality, left));
        var back = new DataQualityState(DataQuality.Synced, "streaming", DateTimeOffset.UtcNow);
        entry.State = back;
        _onChange(new DataQualityChange(instrument, MarketChannels.Book, blip, back));
    }

    private (DataQuality, string) Evaluate(int instrumentId, MarketChannels channel, QualityEntry entry, long now)
    {
        if (!_webSocket)
            return (DataQuality.Degraded, $"WebSocket disabled ({Options.WebSocketSwitch.VariableName}=false): data comes from REST");
        if (!entry.Subscribed)
            return entry.DegradedAt != 0 ? (DataQuality.Degraded, "served from REST; not subscribed") : (DataQuality.Stale, "not subscribed");
        // One read of the channel's last update serves both decisions: read twice, an update landing
        // in between made a degraded channel report Stale (judged on the old time) for one check
        // just as its data came back.
        long last = _board.LastUpdate(instrumentId, TrackedChannels.IndexOf(channel));
        var (quality, reason) = FromStream(instrumentId, channel, entry, now, last);
        if (quality != DataQuality.Synced && entry.DegradedAt > last)
            return (DataQuality.Degraded, "served from REST while " + reason);
        return (quality, reason);
    }

    private (DataQuality, string) FromStream(int instrumentId, MarketChannels channel, QualityEntry entry, long now, long last)
    {
        var instrument = _instruments.Get(instrumentId);
        var venue = _venues.Of(instrument);
        var connection = venue is not null ? _connectionOf(venue.Key) : null;
        if (connection is null && venue is not { IsOffline: true })
            return (DataQuality.Stale, "no connection");
        switch (connection?.State)
        {
            case ConnectionState.Connecting:
                return connection.Error is { } error
                    ? (DataQuality.Stale, $"cannot connect {connection.Key}: {error}")
                    : (DataQuality.Resyncing, $"connecting {connection.Key}");
            case ConnectionState.Reconnecting:
                return (DataQuality.Stale, $"connection {connection.Key} lost: {connection.Error}");
            case ConnectionState.Closed:
                return (DataQuality.Stale, $"connection {connection.Key} closed");
        }

        if (channel == MarketChannels.Book)
        {
            switch (_board.BookQuality(instrumentId))
            {
                case null or BookQuality.AwaitingSnapshot:
                    return (DataQuality.Resyncing, "awaiting the book snapshot");
                case BookQuality.Resyncing:
                    return (DataQuality.Resyncing, $"resynchronising after {_board.LastResyncReason(instrumentId)}");
                case BookQuality.Stale:
                    return (DataQuality.Stale, "data may be missing (reconnect or ring overrun); resynchronising");
            }
        }

        var threshold = _freshness.For(channel);
        if (last == 0)
        {
            var waited = Stopwatch.GetElapsedTime(entry.SubscribedAt, now);
            return waited <= threshold
                ? (DataQuality.Resyncing, "awaiting the first update")
                : (DataQuality.Stale, Invariant($"no {channel} update in {waited.TotalSeconds:0.0} s since subscribing"));
        }
        var age = Stopwatch.GetElapsedTime(last, now);
        if (age <= threshold)
            return (DataQuality.Synced, "streaming");
        if (connection is null)
            return (DataQuality.Stale, Invariant($"no {channel} update for {age.TotalSeconds:0.0} s from the offline feed"));
        long lastMessage = connection.Reader.LastMessageTimestamp;
        var silence = Stopwatch.GetElapsedTime(lastMessage, now);
        return silence <= threshold
            ? (DataQuality.Stale, Invariant($"no {channel} update for {age.TotalSeconds:0.0} s; the connection is alive (last message {silence.TotalSeconds:0.0} s ago)"))
            : (DataQuality.Stale, Invariant($"no {channel} update for {age.TotalSeconds:0.0} s; the connection has been silent for {silence.TotalSeconds:0.0} s"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
