using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// Pinned, 128-byte aligned storage for seqlock slots, so that no two slots (and no foreign
/// object) ever share a 128-byte region.
/// </summary>
/// <remarks>
/// 128 bytes rather than 64 because the adjacent-line prefetcher of x64 parts pulls cache lines
/// in aligned pairs, and Apple/ARM server cores use 128-byte lines outright. The memory lives
/// on the pinned object heap: it never moves, so a raw pointer into it stays valid for as long
/// as the owning array is referenced, and the GC still frees it.
/// </remarks>
internal static unsafe class CacheLineMemory
{
    /// <summary>Size and alignment of one isolation region, in bytes.</summary>
    public const int GroupBytes = 128;

    /// <summary>Rounds a byte count up to a whole number of 128-byte regions.</summary>
    public static nint RoundUp(nint bytes) => (bytes + (GroupBytes - 1)) & ~(nint)(GroupBytes - 1);

    /// <summary>
    /// Allocates zeroed, pinned memory whose first byte is 128-byte aligned.
    /// </summary>
    /// <param name="bytes">Usable bytes needed from the aligned start.</param>
    /// <param name="owner">The array that owns the memory; keep it referenced as long as the pointer is used.</param>
    /// <param name="what">Name of the structure being sized, for the error message.</param>
    public static byte* AllocateAligned(nint bytes, out byte[] owner, string what)
    {
        long total = (long)bytes + GroupBytes - 1;
        if (bytes <= 0 || total > Array.MaxLength)
            ThrowTooLarge(bytes, what);
        owner = GC.AllocateArray<byte>((int)total, pinned: true);
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(owner));
        return (byte*)RoundUp(start);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooLarge(nint bytes, string what) =>
        throw new ArgumentOutOfRangeException(nameof(bytes), bytes,
            $"{what} needs {bytes} bytes of slot memory; expected between 1 and {Array.MaxLength - GroupBytes + 1} bytes. Reduce the capacity.");
}
