using System.Runtime.CompilerServices;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Books;

/// <summary>
/// Full-depth L2 order book of one instrument, maintained from <see cref="MarketEvent"/>s only
/// (never from JSON), so that it can run on the consumer thread behind the ring.
/// </summary>
/// <remarks>
/// <para>
/// Owned by one thread; no locks. Events arrive message by message (levels, then
/// <see cref="MarketEventKind.BookEnd"/>); every event of a message carries the message's
/// sequence fields, so the first event that arrives decides what happens to the whole message:
/// apply, drop (already covered), buffer (waiting for a REST snapshot) or skip (waiting for a
/// stream snapshot). The venue's <see cref="BookRules"/> say how messages chain, where
/// snapshots come from and which checksum to verify.
/// </para>
/// <para>
/// A gap, a checksum mismatch, a crossed book or a failed best-bid-offer cross-check moves the
/// book to <see cref="BookQuality.Resyncing"/> and asks the <see cref="IBookResyncHandler"/>
/// for a snapshot once; a transport gap moves it to <see cref="BookQuality.Stale"/>. Nothing
/// allocates once the level arrays and the wait buffer have grown to their working size.
/// </para>
/// </remarks>
public sealed class OrderBook
{
    private readonly BookRules _rules;
    private readonly IBookResyncHandler? _resync;
    /// <summary>Levels reserved per side after a snapshot, as a multiple of the snapshot's levels (unbounded books).</summary>
    public const int SnapshotHeadroom = 4;

    private MarketEvent[] _buffer = new MarketEvent[64];
    private int _buffered;
    private bool _inMessage;
    private Disposition _disposition;
    private bool _awaitingBridge;
    private bool _snapshotRequested;
    private bool _lastSequenceFromUpdate;

    /// <summary>Creates an empty book awaiting its snapshot.</summary>
    /// <param name="instrumentId">Instrument of the book.</param>
    /// <param name="priceScale">Decimal places of its prices.</param>
    /// <param name="quantityScale">Decimal places of its quantities.</param>
    /// <param name="rules">The venue's book rules.</param>
    /// <param name="resync">Who services snapshot requests; null to only count them.</param>
    public OrderBook(int instrumentId, int priceScale, int quantityScale, BookRules rules, IBookResyncHandler? resync = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        InstrumentId = instrumentId;
        PriceScale = priceScale;
        QuantityScale = quantityScale;
        _rules = rules;
        _resync = resync;
    }

    private enum Disposition : byte
    {
        Apply,
        Snapshot,
        Buffer,
        Skip,
    }

    private enum Continuity : byte
    {
        Continues,
        AlreadyCovered,
        Gap,
    }

    /// <summary>Instrument of the book.</summary>
    public int InstrumentId { get; }

    /// <summary>Decimal places of prices.</summary>
    public int PriceScale { get; }

    /// <summary>Decimal places of quantities.</summary>
    public int QuantityScale { get; }

    /// <summary>The venue's rules.</summary>
    public BookRules Rules => _rules;

    /// <summary>Bid side (best = highest).</summary>
    public OrderBookSide Bids { get; } = new(isBid: true);

    /// <summary>Ask side (best = lowest).</summary>
    public OrderBookSide Asks { get; } = new(isBid: false);

    /// <summary>Data-quality state.</summary>
    public BookQuality Quality { get; private set; }

    /// <summary>Update id of the last applied snapshot or message.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Exchange time of the last applied message (ns since the epoch).</summary>
    public long LastExchangeTimeNs { get; private set; }

    /// <summary>Receive timestamp of the last applied message.</summary>
    public long LastReceiveTimestamp { get; private set; }

    /// <summary>Data-quality counters.</summary>
    public BookCounters Counters { get; } = new();

    /// <summary>True when both sides have levels and the best bid is at or above the best ask.</summary>
    public bool IsCrossed => Bids.Count > 0 && Asks.Count > 0 && Bids.BestPrice >= Asks.BestPrice;

    /// <summary>Applies one event: book levels and ends, best-bid-offer cross-checks and gaps; other kinds are ignored.</summary>
    public void Apply(in MarketEvent marketEvent)
    {
        switch (marketEvent.Kind)
        {
            case MarketEventKind.BookSnapshotLevel:
            case MarketEventKind.BookDeltaLevel:
            case MarketEventKind.BookEnd:
                ApplyBookEvent(in marketEvent);
                break;
            case MarketEventKind.BestBidOffer:
                CrossCheck(in marketEvent);
                break;
            case MarketEventKind.Gap:
                MarkStale();
                break;
        }
    }

    /// <summary>Marks the book stale (data may be missing) and asks for a snapshot; used on reconnects, ring overruns and silence.</summary>
    public void MarkStale()
    {
        _inMessage = false;
        if (Quality != BookQuality.Synced)
            return;
        Counters.StaleMarks++;
        EnterResync(ResyncReason.Stale);
    }

    /// <summary>Copies up to <c>bids.Length</c> bids and <c>asks.Length</c> asks, best first.</summary>
    /// <returns>The number of bids and asks copied.</returns>
    public (int Bids, int Asks) CopyTop(Span<BookLevel> bids, Span<BookLevel> asks) =>
        (Bids.CopyTop(bids), Asks.CopyTop(asks));

    private void ApplyBookEvent(in MarketEvent e)
    {
        if (!_inMessage)
            Begin(in e);
        var isEnd = e.Kind == MarketEventKind.BookEnd;
        switch (_disposition)
        {
            case Disposition.Apply:
                if (isEnd)
                    EndUpdate(in e);
                else
                    SetLevel(in e);
                break;
            case Disposition.Snapshot:
                if (isEnd)
                    EndSnapshot(in e);
                else
                    SetLevel(in e);
                break;
            case Disposition.Buffer:
                Hold(in e);
                if (isEnd)
                    _inMessage = false;
                break;
            default:
                if (isEnd)
                    _inMessage = false;
                break;
        }
    }

    private void Begin(in MarketEvent e)
    {
        _inMessage = true;
        if (e.Kind == MarketEventKind.BookSnapshotLevel || (e.Kind == MarketEventKind.BookEnd && e.Has(MarketEventFlags.Snapshot)))
        {
            _disposition = Disposition.Snapshot;
            Bids.Clear();
            Asks.Clear();
            return;
        }

        if (Quality == BookQuality.Synced)
        {
            switch (Classify(in e))
            {
                case Continuity.Continues:
                    _disposition = Disposition.Apply;
                    return;
                case Continuity.AlreadyCovered:
                    Counters.UpdatesDropped++;
                    _disposition = Disposition.Skip;
                    return;
                default:
                    Counters.Gaps++;
                    EnterResync(ResyncReason.SequenceGap);
                    break;
            }
        }

        if (_rules.Snapshots == SnapshotSource.Rest)
        {
            if (Quality == BookQuality.AwaitingSnapshot)
                RequestSnapshot(ResyncReason.InitialSnapshot);
            if (_buffered >= _rules.MaxBufferedEvents)
            {
                Counters.BufferOverflows++;
                _buffered = 0;
            }
            Counters.UpdatesBuffered++;
            _disposition = Disposition.Buffer;
        }
        else
        {
            Counters.UpdatesDropped++;
            _disposition = Disposition.Skip;
        }
    }

    private Continuity Classify(in MarketEvent e)
    {
        var last = LastSequence;
        switch (_rules.Sequence)
        {
            case BookSequenceRule.FirstFollowsLast:
                if (e.Sequence <= last)
                    return Continuity.AlreadyCovered;
                if (_awaitingBridge)
                    return e.FirstSequence <= last + 1 ? Continuity.Continues : Continuity.Gap;
                return e.FirstSequence == last + 1 ? Continuity.Continues : Continuity.Gap;
            case BookSequenceRule.PreviousEqualsLast:
                if (_awaitingBridge)
                {
                    if (e.Sequence < last)
                        return Continuity.AlreadyCovered;
                    return e.FirstSequence <= last ? Continuity.Continues : Continuity.Gap;
                }
                if (e.PreviousSequence == last)
                    return Continuity.Continues;
                return e.Sequence <= last ? Continuity.AlreadyCovered : Continuity.Gap;
            default:
                return Continuity.Continues;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetLevel(in MarketEvent e)
    {
        var side = e.Side == Side.Buy ? Bids : Asks;
        side.Set(e.Price, e.Quantity, e.PriceFractionDigits, e.QuantityFractionDigits);
    }

    private void EndUpdate(in MarketEvent e)
    {
        _inMessage = false;
        LastSequence = e.Sequence;
        _lastSequenceFromUpdate = true;
        _awaitingBridge = false;
        Counters.UpdatesApplied++;
        Stamp(in e);
        CheckAfterMessage(in e);
    }

    private void EndSnapshot(in MarketEvent e)
    {
        _inMessage = false;
        LastSequence = e.Sequence;
        _lastSequenceFromUpdate = false;
        _awaitingBridge = e.Has(MarketEventFlags.FromRest) && _rules.Sequence != BookSequenceRule.None;
        _snapshotRequested = false;
        Quality = BookQuality.Synced;
        Counters.Snapshots++;
        Stamp(in e);
        CheckAfterMessage(in e);
        ReserveAfterSnapshot(Bids);
        ReserveAfterSnapshot(Asks);
        if (_buffered > 0)
            DrainBuffer();
    }

    // A snapshot is the one moment the book may allocate: the side's room for the levels updates
    // will add outside the snapshot's depth is made here, not by doubling on the hot path later
    // (Binance BTCUSDT: a 1,000-level REST snapshot, 2,196 ask levels half an hour on).
    private void ReserveAfterSnapshot(OrderBookSide side) =>
        side.Reserve(_rules.MaxDepth > 0 ? _rules.MaxDepth * 2 : side.Count * SnapshotHeadroom);

    private void Stamp(in MarketEvent e)
    {
        LastExchangeTimeNs = e.ExchangeTimeNs;
        LastReceiveTimestamp = e.ReceiveTimestamp;
    }

    private void CheckAfterMessage(in MarketEvent end)
    {
        if (_rules.MaxDepth > 0)
        {
            Bids.Truncate(_rules.MaxDepth);
            Asks.Truncate(_rules.MaxDepth);
        }
        if (end.Has(MarketEventFlags.HasChecksum) && _rules.Checksum is { } checksum)
        {
            if (checksum.Compute(this) == end.Checksum)
            {
                Counters.ChecksumOk++;
            }
            else
            {
                Counters.ChecksumFailed++;
                EnterResync(ResyncReason.ChecksumMismatch);
                return;
            }
        }
        if (IsCrossed)
        {
            Counters.Crossed++;
            EnterResync(ResyncReason.CrossedBook);
        }
    }

    // Replays the buffered messages through the normal path: the first must bridge the
    // snapshot, the rest must chain. A failure re-buffers the remainder for the next snapshot
    // in place: the write position never passes the read position, so one array suffices.
    private void DrainBuffer()
    {
        var count = _buffered;
        _buffered = 0;
        for (var i = 0; i < count; i++)
            ApplyBookEvent(in _buffer[i]);
    }

    private void Hold(in MarketEvent e)
    {
        if (_buffered == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[_buffered++] = e;
    }

    private void CrossCheck(in MarketEvent bbo)
    {
        if (!_rules.CrossCheckBestBidOffer || Quality != BookQuality.Synced || _inMessage || !_lastSequenceFromUpdate ||
            !bbo.Has(MarketEventFlags.HasBookSequence) || bbo.Sequence != LastSequence)
            return;
        Counters.CrossChecksCompared++;
        if (Bids.Count > 0 && Asks.Count > 0 &&
            Bids.BestPrice == bbo.BidPrice && Bids.BestQuantity == bbo.BidQuantity &&
            Asks.BestPrice == bbo.AskPrice && Asks.BestQuantity == bbo.AskQuantity)
        {
            Counters.CrossChecksMatched++;
            return;
        }
        EnterResync(ResyncReason.CrossCheckMismatch);
    }

    private void EnterResync(ResyncReason reason)
    {
        if (Quality == BookQuality.Synced)
            Counters.Resyncs++;
        Quality = reason == ResyncReason.Stale ? BookQuality.Stale : BookQuality.Resyncing;
        _awaitingBridge = false;
        _buffered = 0;
        RequestSnapshot(reason);
    }

    private void RequestSnapshot(ResyncReason reason)
    {
        if (_snapshotRequested)
            return;
        _snapshotRequested = true;
        Counters.SnapshotRequests++;
        _resync?.OnSnapshotRequired(InstrumentId, reason);
    }
}
