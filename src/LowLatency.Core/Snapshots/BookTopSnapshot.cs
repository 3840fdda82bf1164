using System.Diagnostics.CodeAnalysis;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// The top <see cref="BookTopLevels.Depth"/> levels of both sides of one instrument's book, as
/// served by <see cref="BookTopCache"/>.
/// </summary>
/// <remarks>
/// The full-depth book is owned by the cache consumer thread; only this top is published. Levels
/// beyond <see cref="BidCount"/>/<see cref="AskCount"/> are meaningless; <see cref="BidLevels"/>
/// and <see cref="AskLevels"/> give exactly the valid ones.
/// </remarks>
public struct BookTopSnapshot
{
    /// <summary>Bid levels, best (highest price) first.</summary>
    public BookTopLevels Bids;

    /// <summary>Ask levels, best (lowest price) first.</summary>
    public BookTopLevels Asks;

    /// <summary>Exchange timestamp of the update, nanoseconds since the Unix epoch.</summary>
    public long ExchangeTimeNs;

    /// <summary>Local receive time of the bytes that carried the update, <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long ReceiveTimestamp;

    /// <summary>The exchange's sequence or update id of the last applied update.</summary>
    public long UpdateId;

    /// <summary>Number of valid entries in <see cref="Bids"/> (0 to <see cref="BookTopLevels.Depth"/>).</summary>
    public int BidCount;

    /// <summary>Number of valid entries in <see cref="Asks"/> (0 to <see cref="BookTopLevels.Depth"/>).</summary>
    public int AskCount;

    /// <summary>Whether the levels can be trusted.</summary>
    public BookDataState State;

    /// <summary>The valid bid levels, best first.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<BookLevel> BidLevels => ((ReadOnlySpan<BookLevel>)Bids)[..ClampCount(BidCount)];

    /// <summary>The valid ask levels, best first.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<BookLevel> AskLevels => ((ReadOnlySpan<BookLevel>)Asks)[..ClampCount(AskCount)];

    private static int ClampCount(int count) => Math.Clamp(count, 0, BookTopLevels.Depth);
}
