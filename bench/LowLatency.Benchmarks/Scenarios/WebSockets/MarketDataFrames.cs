using System.Text;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Benchmarks.Scenarios.WebSockets;

/// <summary>Server frames shaped like a busy trade stream (about 120-byte JSON text messages), shared by the WebSocket scenarios.</summary>
internal static class MarketDataFrames
{
    /// <summary>One JSON trade message, varied by <paramref name="i"/>.</summary>
    public static byte[] Message(int i) => Encoding.UTF8.GetBytes(
        $"{{\"e\":\"trade\",\"E\":{1732190000000 + i},\"s\":\"BTCUSDT\",\"t\":{4000000000 + i},\"p\":\"{60000 + (i % 977)}.{i % 100:00}\",\"q\":\"0.{i % 1000:000}\",\"m\":{(i % 2 == 0 ? "true" : "false")}}}");

    /// <summary>
    /// <paramref name="count"/> unmasked text frames back to back, optionally permessage-deflate
    /// compressed with context takeover, as exchanges compress (one deflater for the whole stream).
    /// </summary>
    /// <remarks>
    /// A stream made by a fresh deflater never refers to anything before its own start, so the same
    /// bytes can be replayed on a connection whose receiver already inflated earlier rounds.
    /// </remarks>
    public static byte[] Stream(int count, bool compressed)
    {
        using var output = new MemoryStream();
        using var deflater = new MessageDeflater(noContextTakeover: false);
        Span<byte> header = stackalloc byte[FrameReader.MaxHeaderLength];
        for (int i = 0; i < count; i++)
        {
            byte[] payload = Message(i);
            if (compressed)
                payload = deflater.Compress(payload).ToArray();
            int length = FrameEncoder.WriteHeader(header, WebSocketOpcode.Text, fin: true, rsv1: compressed, payload.Length, masked: false, maskKey: 0);
            output.Write(header[..length]);
            output.Write(payload);
        }
        return output.ToArray();
    }

    /// <summary>Counts frames in a stream made by <see cref="Stream"/>.</summary>
    public static int CountFrames(byte[] stream)
    {
        int count = 0;
        ReadOnlySpan<byte> rest = stream;
        while (FrameReader.TryReadHeader(rest, out FrameHeader header))
        {
            rest = rest[(int)header.FrameLength..];
            count++;
        }
        return count;
    }

    /// <summary>A handler that only counts, so the measurement is the framing itself.</summary>
    internal struct CountingHandler : IWebSocketMessageHandler
    {
        public long Messages;
        public long Bytes;

        public void OnMessage(in WebSocketMessage message)
        {
            Messages++;
            Bytes += message.Payload.Length;
        }
    }
}
