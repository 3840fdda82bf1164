using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// The last <see cref="Depth"/> candles (500 by default) per instrument id and timeframe,
/// preallocated. One writer (the cache consumer), lock-free readers that copy the latest N
/// candles as one consistent window.
/// </summary>
/// <remarks>
/// <para>Each (instrument, timeframe) series is a ring of candles guarded by one seqlock version
/// in its own 128-byte header region. The writer replaces the newest candle in place (the usual
/// in-progress update) or appends a new one, overwriting the oldest once the ring is full; either
/// way the version is odd for the duration of one candle store. A reader copies the window it
/// wants and keeps it only if the version did not move, so it never sees a torn candle, nor a
/// window mixing candles from before and after an append. A reader copying all 500 candles
/// (28 KB) may retry when the writer is very busy on that series; updates arrive a few times a
/// second per series in practice, so retries are rare.</para>
/// <para>Memory is instruments × timeframes × (128 + depth × 56) bytes, allocated up front; keep
/// only the timeframes you serve.</para>
/// </remarks>
public sealed unsafe class CandleCache
{
    /// <summary>Candles kept per series unless the constructor says otherwise.</summary>
    public const int DefaultDepth = 500;

    private const byte NotKept = byte.MaxValue;
    private static readonly int HeaderBytes = (int)CacheLineMemory.RoundUp(Unsafe.SizeOf<CandleSeriesHeader>());

    private readonly byte[] _owner;
    private readonly byte* _first;
    private readonly nint _seriesStride;
    private readonly int _instrumentCapacity;
    private readonly int _depth;
    private readonly CandleInterval[] _intervals;
    private readonly byte[] _seriesByInterval;

    /// <summary>
    /// Creates a cache for instrument ids 0 to <paramref name="instrumentCapacity"/> - 1, keeping
    /// <paramref name="depth"/> candles for each of <paramref name="intervals"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A capacity or the depth is below 1, or the cache does not fit in one array.</exception>
    /// <exception cref="ArgumentException"><paramref name="intervals"/> is empty, repeats a timeframe, or holds an undefined value.</exception>
    public CandleCache(int instrumentCapacity, ReadOnlySpan<CandleInterval> intervals, int depth = DefaultDepth)
    {
        if (instrumentCapacity < 1)
            SeqLockThrow.NotPositive(instrumentCapacity, nameof(instrumentCapacity));
        if (depth < 1)
            SeqLockThrow.NotPositive(depth, nameof(depth));
        if (intervals.IsEmpty)
            throw new ArgumentException("No candle interval received; expected at least one timeframe to keep.", nameof(intervals));

        _seriesByInterval = new byte[Enum.GetValues<CandleInterval>().Length];
        _seriesByInterval.AsSpan().Fill(NotKept);
        for (int i = 0; i < intervals.Length; i++)
        {
            CandleInterval interval = intervals[i];
            if (!Enum.IsDefined(interval))
                throw new ArgumentException($"Candle interval value {(byte)interval} received; expected a defined {nameof(CandleInterval)}.", nameof(intervals));
            if (_seriesByInterval[(int)interval] != NotKept)
                throw new ArgumentException($"Candle interval {interval} is listed twice; expected each timeframe once.", nameof(intervals));
            _seriesByInterval[(int)interval] = (byte)i;
        }

        _intervals = intervals.ToArray();
        _instrumentCapacity = instrumentCapacity;
        _depth = depth;
        _seriesStride = HeaderBytes + CacheLineMemory.RoundUp(checked((nint)depth * Unsafe.SizeOf<Candle>()));
        nint total = checked(_seriesStride * instrumentCapacity * _intervals.Length);
        _first = CacheLineMemory.AllocateAligned(total, out _owner, nameof(CandleCache));
    }

    /// <summary>Number of instrument ids this cache holds.</summary>
    public int InstrumentCapacity => _instrumentCapacity;

    /// <summary>Candles kept per (instrument, timeframe) series.</summary>
    public int Depth => _depth;

    /// <summary>The timeframes this cache keeps.</summary>
    public ReadOnlySpan<CandleInterval> Intervals => _intervals;

    /// <summary>True when this cache keeps <paramref name="interval"/>.</summary>
    public bool Keeps(CandleInterval interval) =>
        (uint)interval < (uint)_seriesByInterval.Length && _seriesByInterval[(int)interval] != NotKept;

    /// <summary>
    /// Applies a candle update to its series (writer thread only): replaces the held candle with
    /// the same open time, or appends it when it opened after the newest one.
    /// </summary>
    /// <param name="instrumentId">The instrument.</param>
    /// <param name="interval">The candle's timeframe; must be one this cache keeps.</param>
    /// <param name="candle">The candle's current values.</param>
    /// <param name="exchangeTimeNs">Exchange timestamp of the update, ns since the epoch.</param>
    /// <param name="receiveTimestamp">Local receive time of the update, Stopwatch ticks.</param>
    /// <returns>What was done; <see cref="CandleUpsertResult.Rejected"/> writes nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    /// <exception cref="ArgumentException"><paramref name="interval"/> is not kept by this cache.</exception>
    public CandleUpsertResult Upsert(int instrumentId, CandleInterval interval, in Candle candle, long exchangeTimeNs, long receiveTimestamp)
    {
        byte* series = Series(instrumentId, interval);
        ref CandleSeriesHeader header = ref *(CandleSeriesHeader*)series;
        Candle* candles = (Candle*)(series + HeaderBytes);

        // The writer owns the series, so it decides where the candle goes before opening the write.
        int count = header.Count;
        int newest = header.Newest;
        bool append = count == 0 || candle.OpenTimeNs > candles[newest].OpenTimeNs;
        int target = append ? (count == 0 || newest + 1 == _depth ? 0 : newest + 1) : FindHeld(candles, newest, count, candle.OpenTimeNs);
        if (target < 0)
            return CandleUpsertResult.Rejected;

        long open = SeqLockProtocol.BeginWrite(ref header.Version);
        candles[target] = candle;
        if (append)
        {
            header.Newest = target;
            if (count < _depth)
                header.Count = count + 1;
        }
        header.ExchangeTimeNs = exchangeTimeNs;
        header.ReceiveTimestamp = receiveTimestamp;
        SeqLockProtocol.EndWrite(ref header.Version, open);
        return append ? CandleUpsertResult.Appended : CandleUpsertResult.Replaced;
    }

    /// <summary>
    /// Copies the latest <c>min(destination.Length, held)</c> candles of a series into
    /// <paramref name="destination"/>, oldest first, newest last, as one consistent window.
    /// </summary>
    /// <returns>The number of candles copied; <paramref name="destination"/> beyond it is left untouched or cleared, never torn.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    /// <exception cref="ArgumentException"><paramref name="interval"/> is not kept by this cache.</exception>
    public int CopyLatest(int instrumentId, CandleInterval interval, Span<Candle> destination, out CandleSeriesInfo info)
    {
        byte* series = Series(instrumentId, interval);
        ref CandleSeriesHeader header = ref *(CandleSeriesHeader*)series;
        Candle* candles = (Candle*)(series + HeaderBytes);
        int dirty = 0;
        var spinner = new SpinWait();
        while (true)
        {
            if (SeqLockProtocol.TryBeginRead(ref header.Version, out long observed))
            {
                // Clamped so that a header read during a write can never index outside the ring;
                // validation below discards such a copy anyway.
                int count = Math.Clamp(header.Count, 0, _depth);
                int newest = Math.Clamp(header.Newest, 0, _depth - 1);
                long exchangeTimeNs = header.ExchangeTimeNs;
                long receiveTimestamp = header.ReceiveTimestamp;
                int copied = Math.Min(count, destination.Length);
                int start = newest - copied + 1;
                if (start < 0)
                    start += _depth;
                int beforeWrap = Math.Min(copied, _depth - start);
                new ReadOnlySpan<Candle>(candles + start, beforeWrap).CopyTo(destination);
                new ReadOnlySpan<Candle>(candles, copied - beforeWrap).CopyTo(destination[beforeWrap..]);
                if (SeqLockProtocol.Validate(ref header.Version, observed))
                {
                    if (dirty > copied)
                        destination[copied..dirty].Clear();
                    info = new CandleSeriesInfo(count, exchangeTimeNs, receiveTimestamp, observed);
                    return copied;
                }
                dirty = Math.Max(dirty, copied);
            }
            spinner.SpinOnce();
        }
    }

    /// <summary>Copies the newest candle of a series.</summary>
    /// <returns>True with a consistent candle; false with <c>default</c> when the series holds none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instrumentId"/> is outside the capacity.</exception>
    /// <exception cref="ArgumentException"><paramref name="interval"/> is not kept by this cache.</exception>
    public bool TryGetLatest(int instrumentId, CandleInterval interval, out Candle candle, out CandleSeriesInfo info)
    {
        candle = default;
        return CopyLatest(instrumentId, interval, MemoryMarshal.CreateSpan(ref candle, 1), out info) == 1;
    }

    private int FindHeld(Candle* candles, int newest, int count, long openTimeNs)
    {
        for (int i = 0, index = newest; i < count; i++)
        {
            long held = candles[index].OpenTimeNs;
            if (held == openTimeNs)
                return index;
            if (held < openTimeNs)
                return -1;
            index = index == 0 ? _depth - 1 : index - 1;
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* Series(int instrumentId, CandleInterval interval)
    {
        if ((uint)instrumentId >= (uint)_instrumentCapacity)
            SeqLockThrow.IndexOutOfRange(instrumentId, _instrumentCapacity, "Instrument id");
        if (!Keeps(interval))
            ThrowNotKept(interval);
        int index = instrumentId * _intervals.Length + _seriesByInterval[(int)interval];
        return _first + index * _seriesStride;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotKept(CandleInterval interval) =>
        throw new ArgumentException(
            $"Candle interval {interval} received; this cache keeps only {string.Join(", ", _intervals)}.", nameof(interval));
}
