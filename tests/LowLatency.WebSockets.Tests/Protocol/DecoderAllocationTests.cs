using System.Buffers;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Tests.Protocol;

/// <summary>The decoder alone, in memory: no allocation per message once its pooled buffers are warm.</summary>
public sealed class DecoderAllocationTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Decoder_allocates_nothing_per_message_once_warm(bool masked, bool deflate)
    {
        byte[] stream = BuildStream(masked, deflate, messages: 20_000);
        using var decoder = new WebSocketMessageDecoder(masked, WebSocketLimits.DefaultMaxMessageSize, deflate);
        var handler = new Counter();
        Decode(decoder, (byte[])stream.Clone(), ref handler);
        byte[] second = deflate ? BuildStream(masked, deflate, messages: 20_000, continueFrom: stream) : (byte[])stream.Clone();

        long before = GC.GetAllocatedBytesForCurrentThread();
        Decode(decoder, second, ref handler);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(40_000, handler.Count);
        Assert.Equal(0, allocated);
    }

    private static void Decode(WebSocketMessageDecoder decoder, byte[] stream, ref Counter handler)
    {
        var buffer = new ReadOnlySequence<byte>(stream);
        while (decoder.Decode(ref buffer, 0, ref handler) != WebSocketDecodeStatus.NeedMoreData)
        {
        }
        Assert.True(buffer.IsEmpty);
    }

    private static MessageDeflater? s_deflater;

    private static byte[] BuildStream(bool masked, bool deflate, int messages, byte[]? continueFrom = null)
    {
        if (continueFrom is null)
            s_deflater = deflate ? new MessageDeflater(noContextTakeover: false) : null;
        var output = new List<byte>();
        for (int i = 0; i < messages; i++)
        {
            byte[] json = Encoding.UTF8.GetBytes($"{{\"e\":\"depthUpdate\",\"u\":{i},\"b\":[[\"{60000 + (i % 31)}.5\",\"0.{i % 97}\"]]}}");
            if (deflate)
            {
                output.AddRange(Frame(WebSocketOpcode.Text, s_deflater!.Compress(json).ToArray(), true, masked, rsv1: true));
            }
            else if (i % 10 == 3)
            {
                output.AddRange(Frame(WebSocketOpcode.Text, json[..5], false, masked));
                output.AddRange(Frame(WebSocketOpcode.Ping, [1, 2], true, masked));
                output.AddRange(Frame(WebSocketOpcode.Continuation, json[5..], true, masked));
            }
            else
            {
                output.AddRange(Frame(WebSocketOpcode.Text, json, true, masked));
            }
        }
        return output.ToArray();
    }

    private static byte[] Frame(WebSocketOpcode opcode, byte[] payload, bool fin, bool masked, bool rsv1 = false)
    {
        var frame = new byte[FrameEncoder.GetFrameLength(payload.Length, masked)];
        FrameEncoder.WriteFrame(frame, opcode, payload, fin, rsv1, masked, 0x01020304);
        return frame;
    }

    private struct Counter : IWebSocketMessageHandler
    {
        public int Count;

        public void OnMessage(in WebSocketMessage message) => Count++;
    }
}
