using System.Diagnostics;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Books;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Connections;

/// <summary>
/// One connection per venue (<c>{exchange}_{market}</c>), shared by every strategy session, with
/// subscriptions reference-counted per topic.
/// </summary>
/// <remarks>
/// All subscription changes go through one async gate (they are rare and may await the wire), so
/// "the last one out closes the connection" and "a new one in opens it" never race. Readers of the
/// pool's state (status, the data feed) take a short lock instead.
/// </remarks>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly VenueCatalog _venues;
    private readonly StrategyHost _host;
    private readonly Func<ExchangeVenue, FeedConnection> _connect;
    private readonly Action<int, MarketChannels, bool> _tracking;
    private readonly bool _webSocket;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FeedConnection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, Topic Topic), int> _refCounts = [];
    private readonly Dictionary<StrategySession, HashSet<(string Key, Topic Topic)>> _sessions = [];
    private readonly List<StrategySession> _order = [];

    /// <param name="venues">The venues.</param>
    /// <param name="host">Strategy routing of the signal consumer.</param>
    /// <param name="connect">Creates (without starting) the connection of a venue.</param>
    /// <param name="tracking">Called when a topic gets its first subscriber (true) or loses its last (false).</param>
    /// <param name="webSocket">False records subscriptions without opening connections (REST-only mode).</param>
    public ConnectionPool(VenueCatalog venues, StrategyHost host, Func<ExchangeVenue, FeedConnection> connect, Action<int, MarketChannels, bool> tracking,
        bool webSocket)
    {
        _webSocket = webSocket;
        _venues = venues;
        _host = host;
        _connect = connect;
        _tracking = tracking;
    }

    /// <summary>Registers a session (it holds nothing yet).</summary>
    public void Add(StrategySession session)
    {
        lock (_lock)
        {
            if (_order.Exists(s => s.Name == session.Name))
                throw new InvalidOperationException($"A strategy named '{session.Name}' is already attached; give each session its own name.");
            _sessions.Add(session, []);
            _order.Add(session);
        }
    }

    public async Task SubscribeAsync(StrategySession session, string venueName, IReadOnlyList<string> symbols, MarketChannels channels,
        CandleInterval candleInterval, CancellationToken cancellationToken)
    {
        var channelList = TrackedChannels.Split(channels).ToArray();
        if (channelList.Length == 0)
            throw new ArgumentException($"Received channels {channels}; expected one or more of Book, Trades, Ticker, BestBidOffer, Candles.", nameof(channels));
        if (symbols.Count == 0)
            throw new ArgumentException("Received no symbol; expected at least one.", nameof(symbols));
        var venue = _venues.Get(venueName);
        var instruments = symbols.Select(symbol => _venues.Resolve(venue, symbol)).Distinct().ToArray();
        int candleSeconds = CandleIntervals.Seconds(candleInterval);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FeedConnection? created = null;
            FeedConnection? connection = null;
            lock (_lock)
            {
                if (!_sessions.ContainsKey(session))
                    throw new ObjectDisposedException(session.Name, $"Strategy session '{session.Name}' was disposed.");
                if (_webSocket && !venue.IsOffline && !_connections.TryGetValue(venue.Key, out connection))
                    connection = created = _connect(venue);
            }
            try
            {
                foreach (var instrument in instruments)
                {
                    foreach (var channel in channelList)
                        FeedConnection.Validate(venue, Topic(instrument, channel, candleSeconds));
                }
            }
            catch when (created is not null)
            {
                await created.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            if (created is not null)
            {
                lock (_lock)
                    _connections.Add(venue.Key, created);
                created.Start();
            }

            List<Topic> added = [];
            foreach (var instrument in instruments)
            {
                foreach (var channel in channelList)
                {
                    var topic = Topic(instrument, channel, candleSeconds);
                    var key = (venue.Key, topic);
                    lock (_lock)
                    {
                        if (!_sessions[session].Add(key))
                            continue;
                        int count = _refCounts.GetValueOrDefault(key) + 1;
                        _refCounts[key] = count;
                        if (count == 1)
                            added.Add(topic);
                    }
                }
            }
            foreach (var topic in added)
                _tracking(topic.InstrumentId, topic.Channel, true);
            if (connection is not null && added.Count > 0)
                await connection.AddAsync(added, cancellationToken).ConfigureAwait(false);
            foreach (var instrument in instruments)
                _host.SetChannels(session, instrument.Id, ChannelsOf(session, instrument.Id));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UnsubscribeAsync(StrategySession session, string venueName, string symbol, MarketChannels channels, CancellationToken cancellationToken)
    {
        var venue = _venues.Get(venueName);
        var instrument = _venues.Resolve(venue, symbol);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<(string Key, Topic Topic)> leaving;
            lock (_lock)
            {
                if (!_sessions.TryGetValue(session, out var held))
                    return;
                leaving = [.. held.Where(k => k.Key == venue.Key && k.Topic.InstrumentId == instrument.Id && (k.Topic.Channel & channels) != 0)];
            }
            await LeaveAsync(session, leaving).ConfigureAwait(false);
            _host.SetChannels(session, instrument.Id, ChannelsOf(session, instrument.Id));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RemoveSessionAsync(StrategySession session)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            List<(string Key, Topic Topic)> leaving;
            lock (_lock)
            {
                if (!_sessions.TryGetValue(session, out var held))
                    return;
                leaving = [.. held];
            }
            await LeaveAsync(session, leaving).ConfigureAwait(false);
            foreach (var instrumentId in leaving.Select(k => k.Topic.InstrumentId).Distinct())
                _host.SetChannels(session, instrumentId, MarketChannels.None);
            lock (_lock)
            {
                _sessions.Remove(session);
                _order.Remove(session);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The attached sessions, in the order they were added.</summary>
    public IReadOnlyList<StrategySession> Sessions
    {
        get
        {
            lock (_lock)
                return [.. _order];
        }
    }

    /// <summary>True when some session holds <paramref name="channel"/> of <paramref name="instrument"/>.</summary>
    public bool IsSubscribed(Instrument instrument, MarketChannels channel)
    {
        lock (_lock)
        {
            foreach (var key in _refCounts.Keys)
            {
                if (key.Topic.InstrumentId == instrument.Id && key.Topic.Channel == channel)
                    return true;
            }
            return false;
        }
    }

    /// <summary>The connection of a venue key, if open.</summary>
    public FeedConnection? Find(string key)
    {
        lock (_lock)
            return _connections.GetValueOrDefault(key);
    }

    /// <summary>The open connections.</summary>
    public IReadOnlyList<FeedConnection> Connections
    {
        get
        {
            lock (_lock)
                return [.. _connections.Values];
        }
    }

    /// <summary>A session's topics, as <c>{key} {topic}</c>.</summary>
    public IReadOnlyList<string> TopicsOf(StrategySession session)
    {
        lock (_lock)
            return _sessions.TryGetValue(session, out var held) ? [.. held.Select(k => $"{k.Key} {k.Topic}").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Connections and sessions now.</summary>
    public ConnectionPoolStatus Status()
    {
        lock (_lock)
        {
            var connections = _connections.Values.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            {
                int subscribers = _sessions.Count(s => s.Value.Any(k => k.Key == c.Key));
                long last = c.Reader.LastMessageTimestamp;
                DateTimeOffset? lastTime = last == 0 ? null : DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(last);
                return new ConnectionStatus(c.Key, c.Venue.Definition.Name, c.State, subscribers,
                    [.. c.Topics.Select(t => t.ToString()).Order(StringComparer.Ordinal)], lastTime, c.Error, c.Reconnects, c.Reader.Messages);
            }).ToArray();
            var strategies = _order.Select(s => new StrategyStatus(s.Name,
                [.. _sessions[s].Select(k => $"{k.Key} {k.Topic}").Order(StringComparer.Ordinal)], s.EventsDelivered, s.Failures)).ToArray();
            return new ConnectionPoolStatus(connections, strategies);
        }
    }

    /// <summary>Closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            FeedConnection[] all;
            lock (_lock)
            {
                all = [.. _connections.Values];
                _connections.Clear();
            }
            foreach (var connection in all)
                await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LeaveAsync(StrategySession session, List<(string Key, Topic Topic)> leaving)
    {
        var emptied = new Dictionary<string, List<Topic>>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var key in leaving)
            {
                _sessions[session].Remove(key);
                int count = _refCounts[key] - 1;
                if (count > 0)
                {
                    _refCounts[key] = count;
                    continue;
                }
                _refCounts.Remove(key);
                if (!emptied.TryGetValue(key.Key, out var topics))
                    emptied[key.Key] = topics = [];
                topics.Add(key.Topic);
            }
        }
        foreach (var (venueKey, topics) in emptied)
        {
            foreach (var topic in topics)
                _tracking(topic.InstrumentId, topic.Channel, false);
            if (Find(venueKey) is not { } connection)
                continue;
            await connection.RemoveAsync(topics, CancellationToken.None).ConfigureAwait(false);
            if (connection.TopicCount == 0)
            {
                lock (_lock)
                    _connections.Remove(venueKey);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private MarketChannels ChannelsOf(StrategySession session, int instrumentId)
    {
        lock (_lock)
        {
            var channels = MarketChannels.None;
            if (_sessions.TryGetValue(session, out var held))
            {
                foreach (var key in held)
                {
                    if (key.Topic.InstrumentId == instrumentId)
                        channels |= key.Topic.Channel;
                }
            }
            return channels;
        }
    }

    private static Topic Topic(Instrument instrument, MarketChannels channel, int candleSeconds) =>
        new(instrument.Id, instrument.Symbol, channel, channel == MarketChannels.Candles ? candleSeconds : 0);
}
