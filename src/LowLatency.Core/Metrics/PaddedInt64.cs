using System.Runtime.InteropServices;

namespace LowLatency.Core.Metrics;

/// <summary>
/// A <see cref="long"/> with 128 bytes of padding on each side. Explicit size is honoured for
/// structs but not for classes, which is why the padding lives in this struct.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * PaddingBytes + sizeof(long))]
internal struct PaddedInt64
{
    public const int PaddingBytes = 128;

    /// <summary>The value, 128 bytes away from anything before or after it.</summary>
    [FieldOffset(PaddingBytes)]
    public long Value;
}
