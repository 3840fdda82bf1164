using System.Runtime.InteropServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// Producer-side counts of <see cref="FullRingPolicy.DropAndFlagGap"/>: events dropped since the
/// last publication (to stamp on the next one) and in total, padded away from consumer-read fields.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * PaddedLong.PaddingBytes + 2 * sizeof(long))]
internal struct LossCounters
{
    /// <summary>Events dropped since the last publication; taken by the next one.</summary>
    [FieldOffset(PaddedLong.PaddingBytes)]
    public long Pending;

    /// <summary>Events dropped since the ring was created.</summary>
    [FieldOffset(PaddedLong.PaddingBytes + sizeof(long))]
    public long Total;
}
