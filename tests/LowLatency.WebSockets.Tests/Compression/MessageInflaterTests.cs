using System.Buffers;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Tests.Compression;

/// <summary>Both inflaters (direct zlib and the portable DeflateStream one) against our context-takeover deflater.</summary>
public sealed class MessageInflaterTests
{
    public static TheoryData<string> Implementations => new() { "zlib", "stream" };

    [Fact]
    public void The_system_zlib_is_used_on_this_machine()
    {
        Assert.True(ZLibNative.IsAvailable, "libz.so.1 could not be loaded: the portable, slower inflater is in use");
        using MessageInflater inflater = MessageInflater.Create();
        Assert.IsType<ZLibMessageInflater>(inflater);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Inflater_keeps_the_context_across_messages_and_segments(string implementation)
    {
        using MessageInflater inflater = Create(implementation);
        using var deflater = new MessageDeflater(noContextTakeover: false);
        using var output = new PooledByteBuffer();

        for (int i = 0; i < 200; i++)
        {
            byte[] message = Encoding.UTF8.GetBytes($"{{\"channel\":\"book\",\"symbol\":\"BTC/USD\",\"seq\":{i},\"bids\":[[\"{60000 + (i % 7)}.5\",\"1\"]]}}");
            byte[] compressed = deflater.Compress(message).ToArray();
            ReadOnlySequence<byte> input = i % 2 == 0 ? new ReadOnlySequence<byte>(compressed) : Split(compressed);

            inflater.Inflate(input, output, 1 << 20);

            Assert.Equal(message, output.WrittenSpan.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Inflater_allocates_nothing_per_message_once_warm(string implementation)
    {
        using MessageInflater inflater = Create(implementation);
        using var deflater = new MessageDeflater(noContextTakeover: false);
        using var output = new PooledByteBuffer();
        byte[][] messages = Enumerable.Range(0, 400).Select(i => deflater.Compress(Encoding.UTF8.GetBytes($"{{\"seq\":{i},\"px\":\"{i * 3}.25\"}}")).ToArray()).ToArray();
        for (int i = 0; i < 200; i++)
            inflater.Inflate(new ReadOnlySequence<byte>(messages[i]), output, 1 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 200; i < 400; i++)
            inflater.Inflate(new ReadOnlySequence<byte>(messages[i]), output, 1 << 20);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Inflater_rejects_garbage_with_1007(string implementation)
    {
        using MessageInflater inflater = Create(implementation);
        using var output = new PooledByteBuffer();

        var error = Assert.Throws<WebSocketProtocolException>(() => inflater.Inflate(new ReadOnlySequence<byte>([0xFF, 0xFF, 0xFF, 0xFF]), output, 1024));

        Assert.Equal(WebSocketCloseCode.InvalidPayloadData, error.CloseCode);
    }

    private static MessageInflater Create(string implementation) =>
        implementation == "zlib" ? new ZLibMessageInflater() : new DeflateStreamMessageInflater();

    private static ReadOnlySequence<byte> Split(byte[] data)
    {
        var first = new Segment(data.AsMemory(0, data.Length / 2));
        Segment last = first.Append(data.AsMemory(data.Length / 2));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
