using System.Runtime.InteropServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// State only the single producer thread writes (its next claim and its cached view of the slowest
/// consumer), padded so consumer threads reading nearby fields never share its cache lines.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * PaddedLong.PaddingBytes + 2 * sizeof(long))]
internal struct ProducerFields
{
    /// <summary>The highest sequence claimed so far.</summary>
    [FieldOffset(PaddedLong.PaddingBytes)]
    public long Claimed;

    /// <summary>The slowest gating sequence when last read; refreshed only when a claim would pass it.</summary>
    [FieldOffset(PaddedLong.PaddingBytes + sizeof(long))]
    public long CachedGating;
}
