using System.Runtime.InteropServices;

namespace LowLatency.Core.Ring;

/// <summary>
/// A <see cref="long"/> with 128 bytes of padding on each side, so that no other written field
/// shares its cache line or the adjacent line the hardware prefetcher pulls in with it.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * PaddingBytes + sizeof(long))]
internal struct PaddedLong
{
    /// <summary>Padding on each side of the value.</summary>
    public const int PaddingBytes = 128;

    /// <summary>The value, 128 bytes from either end.</summary>
    [FieldOffset(PaddingBytes)]
    public long Value;
}
