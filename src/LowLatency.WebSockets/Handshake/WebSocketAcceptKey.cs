using System.Security.Cryptography;
using System.Text;

namespace LowLatency.WebSockets.Handshake;

/// <summary>The <c>Sec-WebSocket-Key</c> / <c>Sec-WebSocket-Accept</c> pair of RFC 6455 §4.1-§4.2.2.</summary>
public static class WebSocketAcceptKey
{
    /// <summary>The GUID RFC 6455 §1.3 appends to the key.</summary>
    public const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh key: 16 random bytes, base64 (§4.1).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>base64(SHA-1(key + GUID)), the value the server must answer.</summary>
    public static string ComputeAccept(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));

    /// <summary>True when <paramref name="key"/> is base64 of exactly 16 bytes (§4.2.1 item 5).</summary>
    public static bool IsValidKey(string? key)
    {
        Span<byte> decoded = stackalloc byte[18];
        return key is { Length: 24 } && Convert.TryFromBase64String(key, decoded, out int written) && written == 16;
    }
}
