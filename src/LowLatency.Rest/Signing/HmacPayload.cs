using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LowLatency.Rest.Signing;

/// <summary>HMAC over the UTF-8 bytes of a pooled <see cref="StringBuilder"/>, through pooled arrays.</summary>
internal static class HmacPayload
{
    public const int Sha256Length = 32;
    public const int Sha512Length = 64;

    public static void Sha256(ReadOnlySpan<byte> key, StringBuilder payload, Span<byte> destination)
    {
        byte[] bytes = RentUtf8(payload, out int length);
        try
        {
            HMACSHA256.HashData(key, bytes.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

    public static void Sha256(ReadOnlySpan<byte> key, ReadOnlySpan<char> payload, Span<byte> destination)
    {
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(payload, bytes);
            HMACSHA256.HashData(key, bytes.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

    /// <summary>Copies the builder's text to a rented UTF-8 buffer (return it with clearArray: true).</summary>
    public static byte[] RentUtf8(StringBuilder payload, out int length)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(payload.Length, 1));
        try
        {
            payload.CopyTo(0, chars, 0, payload.Length);
            byte[] bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
            length = Encoding.UTF8.GetBytes(chars, 0, payload.Length, bytes, 0);
            return bytes;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }
}
