using System.Buffers;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Tests.Protocol;

/// <summary>
/// Randomly mutated frame streams (bit flips, byte overwrites, insertions, deletions, truncation,
/// duplicated slices) against the decoder, in memory: the only failure it may raise is a
/// <see cref="WebSocketProtocolException"/>, every call returns, and memory stays bounded by the
/// message limit.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Streams = 100_000;
    private const int MaxMessageSize = 64 * 1024;

    [Fact]
    public void Mutated_frame_streams_raise_only_typed_protocol_errors()
    {
        var random = new Random(20261121);
        Seed[] corpus = BuildCorpus();
        var handler = new CountingHandler();
        int protocolErrors = 0;
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        for (int i = 0; i < Streams; i++)
        {
            Seed seed = corpus[random.Next(corpus.Length)];
            byte[] stream = Mutate(seed.Stream, random);
            using var decoder = new WebSocketMessageDecoder(seed.Masked, MaxMessageSize, seed.Deflate);
            try
            {
                var buffer = new ReadOnlySequence<byte>(stream);
                for (int calls = 0; ; calls++)
                {
                    Assert.True(calls <= stream.Length + 1, "the decoder returned more control frames than the stream could hold: it is not consuming");
                    if (decoder.Decode(ref buffer, 0, ref handler) == WebSocketDecodeStatus.NeedMoreData)
                        break;
                }
            }
            catch (WebSocketProtocolException ex)
            {
                Assert.True(ex.CloseCode is WebSocketCloseCode.ProtocolError or WebSocketCloseCode.InvalidPayloadData or WebSocketCloseCode.MessageTooBig,
                    $"unexpected close code {ex.CloseCode}: {ex.Message}");
                protocolErrors++;
            }
        }

        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(protocolErrors > Streams / 10, $"only {protocolErrors} of {Streams} mutated streams were rejected: the mutations are too weak to test anything");
        Assert.True(handler.Messages > Streams / 10, $"only {handler.Messages} messages delivered: the corpus is too broken to test anything");
        Assert.True(memoryAfter - memoryBefore < 32 * 1024 * 1024, $"managed memory grew by {memoryAfter - memoryBefore} bytes over the run");
    }

    private static Seed[] BuildCorpus()
    {
        var corpus = new List<Seed>();
        foreach (bool masked in new[] { false, true })
        {
            corpus.Add(new Seed(masked, Deflate: false, Concat(
                Frame(WebSocketOpcode.Text, "{\"px\":\"101.5\",\"qty\":\"3\"}"u8, true, masked),
                Frame(WebSocketOpcode.Binary, new byte[200], true, masked),
                Frame(WebSocketOpcode.Ping, "hb"u8, true, masked))));
            corpus.Add(new Seed(masked, Deflate: false, Concat(
                Frame(WebSocketOpcode.Text, Encoding.UTF8.GetBytes("héllo "), false, masked),
                Frame(WebSocketOpcode.Pong, [], true, masked),
                Frame(WebSocketOpcode.Continuation, Encoding.UTF8.GetBytes("wörld € 𝄞"), true, masked),
                Frame(WebSocketOpcode.Close, [0x03, 0xE8, (byte)'b', (byte)'y', (byte)'e'], true, masked))));
        }
        foreach (bool masked in new[] { false, true })
        {
            using var deflater = new MessageDeflater(noContextTakeover: false);
            byte[] first = deflater.Compress("{\"channel\":\"book\",\"bids\":[[\"1\",\"2\"]]}"u8).ToArray();
            byte[] second = deflater.Compress("{\"channel\":\"book\",\"bids\":[[\"1\",\"3\"]]}"u8).ToArray();
            corpus.Add(new Seed(masked, Deflate: true, Concat(
                Frame(WebSocketOpcode.Text, first, true, masked, rsv1: true),
                Frame(WebSocketOpcode.Text, second[..(second.Length / 2)], false, masked, rsv1: true),
                Frame(WebSocketOpcode.Continuation, second[(second.Length / 2)..], true, masked),
                Frame(WebSocketOpcode.Binary, new byte[130], true, masked))));
        }
        return corpus.ToArray();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveAt(at); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                default:
                    int length = Math.Min(random.Next(1, 16), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static byte[] Frame(WebSocketOpcode opcode, ReadOnlySpan<byte> payload, bool fin, bool masked, bool rsv1 = false)
    {
        var frame = new byte[FrameEncoder.GetFrameLength(payload.Length, masked)];
        FrameEncoder.WriteFrame(frame, opcode, payload, fin, rsv1, masked, 0x5A17C3E9);
        return frame;
    }

    private static byte[] Concat(params byte[][] frames) => frames.SelectMany(f => f).ToArray();

    private sealed record Seed(bool Masked, bool Deflate, byte[] Stream);

    private struct CountingHandler : IWebSocketMessageHandler
    {
        public int Messages;

        public void OnMessage(in WebSocketMessage message) => Messages++;
    }
}
