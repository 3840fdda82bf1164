using System.Buffers;
using System.IO.Compression;
using System.Text;
using LowLatency.WebSockets.Compression;

namespace LowLatency.WebSockets.Tests.Compression;

public sealed class PayloadInflaterTests
{
    [Theory]
    [InlineData(PayloadCompression.Gzip)]
    [InlineData(PayloadCompression.Deflate)]
    [InlineData(PayloadCompression.Zlib)]
    public void Inflater_restores_consecutive_payloads(PayloadCompression compression)
    {
        using var inflater = new PayloadInflater(compression);

        for (int i = 0; i < 5; i++)
        {
            string json = $"{{\"ch\":\"market.btcusdt.trade.detail\",\"ts\":{1732190000000 + i},\"tick\":{{\"price\":{60000 + i}}}}}";
            ReadOnlySpan<byte> inflated = inflater.Inflate(new ReadOnlySequence<byte>(Compress(compression, Encoding.UTF8.GetBytes(json))));
            Assert.Equal(json, Encoding.UTF8.GetString(inflated));
        }
    }

    [Fact]
    public void Gzip_inflater_allocates_nothing_per_payload_once_warm()
    {
        using var inflater = new PayloadInflater(PayloadCompression.Gzip);
        byte[][] payloads = Enumerable.Range(0, 200).Select(i => Compress(PayloadCompression.Gzip, Encoding.UTF8.GetBytes($"{{\"ping\":{1732190000000 + i}}}"))).ToArray();
        foreach (byte[] payload in payloads)
            inflater.Inflate(new ReadOnlySequence<byte>(payload));

        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        foreach (byte[] payload in payloads)
            total += inflater.Inflate(new ReadOnlySequence<byte>(payload)).Length;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(200 * "{\"ping\":1732190000000}".Length, total);
    }

    [Fact]
    public void Inflater_stops_a_bomb_at_the_limit()
    {
        using var inflater = new PayloadInflater(PayloadCompression.Gzip, maxLength: 4096);
        byte[] bomb = Compress(PayloadCompression.Gzip, new byte[1 << 20]);

        var error = Assert.Throws<InvalidDataException>(() => inflater.Inflate(new ReadOnlySequence<byte>(bomb)).Length);

        Assert.Contains("4096", error.Message);
    }

    private static byte[] Compress(PayloadCompression compression, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream stream = compression switch
        {
            PayloadCompression.Gzip => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            PayloadCompression.Zlib => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            stream.Write(data);
        }
        return output.ToArray();
    }
}
