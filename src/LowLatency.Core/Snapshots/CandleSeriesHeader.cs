using System.Runtime.InteropServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// The head of one candle series: its seqlock version and ring position. It has a 128-byte
/// region to itself; the candles follow in the next regions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CandleSeriesHeader
{
    /// <summary>Seqlock version guarding this header and every candle of the series.</summary>
    public long Version;

    /// <summary>Exchange time of the last update, ns since the epoch.</summary>
    public long ExchangeTimeNs;

    /// <summary>Receive time of the last update, Stopwatch ticks.</summary>
    public long ReceiveTimestamp;

    /// <summary>Ring index of the newest candle (meaningless while <see cref="Count"/> is 0).</summary>
    public int Newest;

    /// <summary>Candles held, up to the depth.</summary>
    public int Count;
}
