using System.Diagnostics;
using LowLatency.Core.Instruments;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Logging;
using LowLatency.Engine.Publishing;
using LowLatency.Engine.Venues;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Parsing;
using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Books;

/// <summary>
/// Services the books' snapshot requests away from the cache consumer: a REST depth snapshot
/// through the venue's REST lane (Binance, KuCoin), whose events come back into the ring, or a
/// resubscription of the book topic (Kraken, Bybit, OKX, whose snapshots come from the stream).
/// </summary>
/// <remarks>
/// <para>The cache consumer only flags the instrument and sets an event (no allocation, no
/// waiting); a dedicated thread picks the flags up. A request waits while the venue's connection is
/// down, so the snapshot is taken after the new stream started and can be bridged by it.</para>
/// <para>A failed fetch is retried with a growing delay; the book stays resyncing meanwhile.</para>
/// </remarks>
internal sealed class SnapshotRequester : IBookResyncHandler, IDisposable
{
    private const int Idle = 0;
    private const int Pending = 1;
    private const int InFlight = 2;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    private readonly InstrumentRegistry _instruments;
    private readonly VenueCatalog _venues;
    private readonly InstrumentBoard _board;
    private readonly Func<string, FeedConnection?> _connectionOf;
    private readonly EventPublisher _publisher;
    private readonly Lock _publishGate = new();
    private readonly ILogger _logger;
    private readonly int[] _state;
    private readonly int[] _failures;
    private IBookResyncHandler?[] _offline = [];
    private readonly Lock _offlineGate = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _requests;
    private long _fetched;

    public SnapshotRequester(InstrumentRegistry instruments, VenueCatalog venues, InstrumentBoard board, Func<string, FeedConnection?> connectionOf,
        EventPublisher publisher, ILogger logger)
    {
        _instruments = instruments;
        _venues = venues;
        _board = board;
        _connectionOf = connectionOf;
        _publisher = publisher;
        _logger = logger;
        _state = new int[board.Capacity];
        _failures = new int[board.Capacity];
        _thread = new Thread(Run) { IsBackground = true, Name = "engine-snapshots" };
        _thread.Start();
    }

    /// <summary>Snapshot requests made by the books.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>REST snapshots fetched and published.</summary>
    public long Fetched => Volatile.Read(ref _fetched);

    /// <inheritdoc />
    /// <remarks>Cache consumer thread: flags and wakes, nothing else.</remarks>
    public void OnSnapshotRequired(int instrumentId, ResyncReason reason)
    {
        if ((uint)instrumentId >= (uint)_state.Length)
            return;
        _board.SetResyncReason(instrumentId, reason);
        var offline = Volatile.Read(ref _offline);
        if (offline.Length > 0 && ForOffline(offline, instrumentId, reason))
            return;
        Volatile.Write(ref _requests, _requests + 1);
        Interlocked.CompareExchange(ref _state[instrumentId], Pending, Idle);
        _wake.Set();
    }

    /// <summary>Sends the requests of <paramref name="venueId"/>'s books to <paramref name="handler"/> instead of fetching (an offline feed whose recording holds the snapshots).</summary>
    public void Redirect(int venueId, IBookResyncHandler handler)
    {
        lock (_offlineGate)
        {
            var offline = _offline;
            if (venueId >= offline.Length)
                Array.Resize(ref offline, venueId + 1);
            else
                offline = (IBookResyncHandler?[])offline.Clone();
            offline[venueId] = handler;
            Volatile.Write(ref _offline, offline);
        }
    }

    private bool ForOffline(IBookResyncHandler?[] offline, int instrumentId, ResyncReason reason)
    {
        int venueId = _instruments.Get(instrumentId).VenueId;
        if ((uint)venueId >= (uint)offline.Length || offline[venueId] is not { } handler)
            return false;
        Volatile.Write(ref _requests, _requests + 1);
        handler.OnSnapshotRequired(instrumentId, reason);
        return true;
    }

    /// <summary>Re-examines waiting requests (a connection came up).</summary>
    public void Wake() => _wake.Set();

    public void Dispose()
    {
        _stop.Cancel();
        _wake.Set();
        _thread.Join();
    }

    private void Run()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            _wake.Wait();
            _wake.Reset();
            int count = Math.Min(_instruments.Count, _state.Length);
            for (int id = 0; id < count && !stop.IsCancellationRequested; id++)
            {
                if (Volatile.Read(ref _state[id]) == Pending)
                    Dispatch(id);
            }
        }
    }

    private void Dispatch(int instrumentId)
    {
        var instrument = _instruments.Get(instrumentId);
        if (_venues.Of(instrument) is not { } venue || _connectionOf(venue.Key) is not { IsLive: true } connection)
            return;
        EngineLog.SnapshotRequested(_logger, instrument.ToString(), _board.LastResyncReason(instrumentId) ?? ResyncReason.InitialSnapshot);
        Volatile.Write(ref _state[instrumentId], InFlight);
        _ = venue.SnapshotPath(instrument) is { } path
            ? FetchAsync(venue, instrument, path)
            : ResubscribeAsync(connection, instrument);
    }

    private async Task FetchAsync(ExchangeVenue venue, Instrument instrument, string path)
    {
        try
        {
            var response = await venue.Rest.GetAsync(path, RestPriority.Normal, _stop.Token).ConfigureAwait(false);
            long received = Stopwatch.GetTimestamp();
            ParseResult result;
            lock (_publishGate)
                result = venue.PublishSnapshot(path, response.Body.Span, instrument.Id, received, _publisher);
            if (result.Status != ParseStatus.Ok)
                throw new FormatException($"the snapshot answer was {result.Status} ({result.Error})");
            Interlocked.Increment(ref _fetched);
            Volatile.Write(ref _failures[instrument.Id], 0);
            Volatile.Write(ref _state[instrument.Id], Idle);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is RestException or FormatException or ObjectDisposedException)
        {
            await RetryLaterAsync(instrument, ex.Message).ConfigureAwait(false);
        }
    }

    private async Task ResubscribeAsync(FeedConnection connection, Instrument instrument)
    {
        try
        {
            await connection.ResubscribeBookAsync(instrument.Id, _stop.Token).ConfigureAwait(false);
            Volatile.Write(ref _state[instrument.Id], Idle);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is NotSupportedException or ObjectDisposedException)
        {
            EngineLog.ResubscribeFailed(_logger, connection.Key, instrument.Symbol, ex.Message);
            await RetryLaterAsync(instrument, ex.Message).ConfigureAwait(false);
        }
    }

    private async Task RetryLaterAsync(Instrument instrument, string reason)
    {
        int failures = Interlocked.Increment(ref _failures[instrument.Id]);
        var delay = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 10)));
        EngineLog.SnapshotFailed(_logger, instrument.ToString(), reason, delay);
        try
        {
            await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Volatile.Write(ref _state[instrument.Id], Pending);
        _wake.Set();
    }
}
