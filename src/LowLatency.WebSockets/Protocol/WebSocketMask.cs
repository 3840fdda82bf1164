using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LowLatency.WebSockets.Protocol;

/// <summary>Applies the RFC 6455 §5.3 XOR mask (masking and unmasking are the same operation).</summary>
public static class WebSocketMask
{
    /// <summary>
    /// XORs <paramref name="data"/> in place with <paramref name="maskKey"/> (wire byte <c>i</c> in
    /// bits <c>8i..8i+7</c>), starting at key byte <paramref name="keyOffset"/>; returns the key
    /// offset for the byte after the span, so a payload split over segments is masked piecewise.
    /// </summary>
    public static int Apply(Span<byte> data, uint maskKey, int keyOffset)
    {
        int length = data.Length;
        if (length == 0)
            return keyOffset;
        uint rotated = BitOperations.RotateRight(maskKey, (keyOffset & 3) * 8);
        ref byte start = ref MemoryMarshal.GetReference(data);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<byte>.Count)
        {
            Vector256<byte> mask = Vector256.Create(rotated).AsByte();
            for (; i <= length - Vector256<byte>.Count; i += Vector256<byte>.Count)
                (Vector256.LoadUnsafe(ref start, (nuint)i) ^ mask).StoreUnsafe(ref start, (nuint)i);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<byte>.Count)
        {
            Vector128<byte> mask = Vector128.Create(rotated).AsByte();
            for (; i <= length - Vector128<byte>.Count; i += Vector128<byte>.Count)
                (Vector128.LoadUnsafe(ref start, (nuint)i) ^ mask).StoreUnsafe(ref start, (nuint)i);
        }
        ulong mask64 = rotated | ((ulong)rotated << 32);
        for (; i <= length - 8; i += 8)
        {
            ref byte p = ref Unsafe.Add(ref start, i);
            Unsafe.WriteUnaligned(ref p, Unsafe.ReadUnaligned<ulong>(ref p) ^ mask64);
        }
        for (; i < length; i++)
            Unsafe.Add(ref start, i) ^= (byte)(rotated >> ((i & 3) * 8));
        return (keyOffset + length) & 3;
    }
}
