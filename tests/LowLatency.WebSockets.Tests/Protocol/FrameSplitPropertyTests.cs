using System.Buffers.Binary;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Protocol;

/// <summary>
/// Frames may be cut anywhere by TCP and the pipe: any sequence of frames, split at every
/// possible byte boundary (and at random sets of boundaries), must yield exactly the messages and
/// control frames of the unsplit stream.
/// </summary>
public sealed class FrameSplitPropertyTests
{
    /// <summary>One generated message: type, UTF-8 or random bytes, the number of frames, pings between them.</summary>
    public sealed record GeneratedMessage(bool Text, byte[] Payload, int Fragments, bool Pings);

    private static readonly Gen<GeneratedMessage> s_message =
        from text in Gen.Elements(true, false)
        from length in Gen.Frequency((6, Gen.Choose(0, 40)), (2, Gen.Choose(120, 130)), (1, Gen.Choose(250, 300)))
        from seed in Gen.Choose(0, int.MaxValue)
        from fragments in Gen.Choose(1, 4)
        from pings in Gen.Elements(true, false)
        select new GeneratedMessage(text, Payload(text, length, seed), fragments, pings);

    private static readonly Gen<GeneratedMessage[]> s_stream = Gen.ArrayOf(s_message).Select(a => a.Take(6).ToArray());

    [Fact]
    public void Any_frame_sequence_split_at_every_byte_boundary_yields_the_same_messages()
    {
        Prop.ForAll(s_stream.ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (messages, masked) =>
        {
            byte[] stream = Encode(messages, masked);
            List<string> expected = Expected(messages);
            for (int cut = 0; cut <= stream.Length; cut++)
            {
                using var decoder = new WebSocketMessageDecoder(expectMaskedFrames: masked);
                List<string> actual = ChunkedFeed.Run(decoder, (byte[])stream.Clone(), [cut]);
                if (!actual.SequenceEqual(expected))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_frame_sequence_split_at_random_sets_of_boundaries_yields_the_same_messages()
    {
        Gen<(GeneratedMessage[], int[])> streamAndCuts =
            from messages in s_stream
            from cuts in Gen.ArrayOf(Gen.Choose(0, 4000))
            select (messages, cuts);
        Prop.ForAll(streamAndCuts.ToArbitrary(), input =>
        {
            (GeneratedMessage[] messages, int[] cuts) = input;
            byte[] stream = Encode(messages, masked: true);
            using var decoder = new WebSocketMessageDecoder(expectMaskedFrames: true);
            return ChunkedFeed.Run(decoder, stream, cuts.Select(c => c % (stream.Length + 1))).SequenceEqual(Expected(messages));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Byte_by_byte_arrival_yields_the_same_messages()
    {
        var messages = new[]
        {
            new GeneratedMessage(true, Encoding.UTF8.GetBytes("héllo € 𝄞"), 5, true),
            new GeneratedMessage(false, Payload(false, 3000, 3), 3, true),
            new GeneratedMessage(true, [], 1, false),
        };
        byte[] stream = Encode(messages, masked: false);
        using var decoder = new WebSocketMessageDecoder(expectMaskedFrames: false);

        List<string> actual = ChunkedFeed.Run(decoder, stream, Enumerable.Range(1, stream.Length));

        Assert.Equal(Expected(messages), actual);
    }

    private static byte[] Payload(bool text, int length, int seed)
    {
        var random = new Random(seed);
        if (!text)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
        const string alphabet = "abcxyz019 {}\":,éü€☃𝄞";
        var sb = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < length)
        {
            int i = random.Next(alphabet.Length);
            sb.Append(char.IsHighSurrogate(alphabet[i]) ? alphabet.Substring(i, 2) : char.IsLowSurrogate(alphabet[i]) ? "q" : alphabet[i].ToString());
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Encode(GeneratedMessage[] messages, bool masked)
    {
        var output = new List<byte>();
        int frame = 0;
        foreach (GeneratedMessage m in messages)
        {
            int fragments = Math.Max(1, Math.Min(m.Fragments, m.Payload.Length));
            int size = (m.Payload.Length + fragments - 1) / Math.Max(1, fragments);
            for (int i = 0; i < fragments; i++)
            {
                byte[] part = m.Payload.Skip(i * size).Take(size).ToArray();
                WebSocketOpcode opcode = i > 0 ? WebSocketOpcode.Continuation : m.Text ? WebSocketOpcode.Text : WebSocketOpcode.Binary;
                output.AddRange(Frame(opcode, part, i == fragments - 1, masked, frame++));
                if (m.Pings && i < fragments - 1)
                    output.AddRange(Frame(WebSocketOpcode.Ping, [(byte)i, 0xAB], true, masked, frame++));
            }
        }
        byte[] close = new byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(close, 1000);
        close[2] = (byte)'o';
        close[3] = (byte)'k';
        output.AddRange(Frame(WebSocketOpcode.Close, close, true, masked, frame));
        return output.ToArray();
    }

    private static byte[] Frame(WebSocketOpcode opcode, byte[] payload, bool fin, bool masked, int seed)
    {
        var frame = new byte[FrameEncoder.GetFrameLength(payload.Length, masked)];
        FrameEncoder.WriteFrame(frame, opcode, payload, fin, rsv1: false, masked, maskKey: (uint)(seed * 2654435761u) | 1);
        return frame;
    }

    private static List<string> Expected(GeneratedMessage[] messages)
    {
        var events = new List<string>();
        foreach (GeneratedMessage m in messages)
        {
            int fragments = Math.Max(1, Math.Min(m.Fragments, m.Payload.Length));
            if (m.Pings)
            {
                for (int i = 0; i < fragments - 1; i++)
                    events.Add($"Ping:{Convert.ToHexString(new[] { (byte)i, (byte)0xAB })}");
            }
            events.Add($"{(m.Text ? "Text" : "Binary")}:{Convert.ToHexString(m.Payload)}");
        }
        events.Add("Close:1000:ok");
        return events;
    }
}
