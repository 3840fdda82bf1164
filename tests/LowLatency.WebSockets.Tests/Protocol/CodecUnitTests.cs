using System.Buffers;
using System.Text;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Tests.Protocol;

public sealed class CodecUnitTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    public void FrameReader_reads_back_every_length_encoding(int length, int headerLength)
    {
        var frame = new byte[FrameEncoder.GetFrameLength(length, masked: true)];
        FrameEncoder.WriteFrame(frame, WebSocketOpcode.Binary, new byte[length], fin: true, rsv1: false, masked: true, maskKey: 0xA1B2C3D4);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(frame));

        Assert.True(FrameReader.TryReadHeader(ref reader, out FrameHeader header));

        Assert.Equal(length, header.PayloadLength);
        Assert.Equal(headerLength + 4, header.HeaderLength);
        Assert.Equal(0xA1B2C3D4u, header.MaskKey);
        Assert.Equal(header.HeaderLength, reader.Consumed);
    }

    [Fact]
    public void FrameReader_leaves_the_reader_untouched_when_the_header_is_incomplete()
    {
        byte[] frame = [0x82, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3];
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(frame));

        Assert.False(FrameReader.TryReadHeader(ref reader, out _));
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void FrameReader_reads_a_header_split_across_segments()
    {
        byte[] frame = [0x81, 0xFE, 0x01, 0x00, 9, 8, 7, 6];
        var first = new Segment(frame.AsMemory(0, 3));
        Segment last = first.Append(frame.AsMemory(3, 2)).Append(frame.AsMemory(5));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.True(FrameReader.TryReadHeader(ref reader, out FrameHeader header));

        Assert.Equal(256, header.PayloadLength);
        Assert.True(header.Masked);
        Assert.Equal(8, reader.Consumed);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 1)]
    [InlineData(33, 2)]
    [InlineData(100, 3)]
    public void Mask_applied_piecewise_equals_the_byte_by_byte_definition(int length, int offset)
    {
        var random = new Random(length);
        byte[] data = new byte[length];
        random.NextBytes(data);
        byte[] expected = data.Select((b, i) => (byte)(b ^ (byte)(0xDEADBEEFu >> (((i + offset) & 3) * 8)))).ToArray();

        int split = length / 3;
        int next = WebSocketMask.Apply(data.AsSpan(0, split), 0xDEADBEEF, offset);
        WebSocketMask.Apply(data.AsSpan(split), 0xDEADBEEF, next);

        Assert.Equal(expected, data);
    }

    [Fact]
    public void Utf8Validator_accepts_valid_text_cut_at_every_position()
    {
        byte[] text = Encoding.UTF8.GetBytes("aé€𝄞☃z");
        for (int cut = 0; cut <= text.Length; cut++)
        {
            var validator = new Utf8Validator();
            Assert.True(validator.Append(text.AsSpan(0, cut)), $"first part rejected at {cut}");
            Assert.True(validator.Append(text.AsSpan(cut)), $"second part rejected at {cut}");
            Assert.True(validator.IsComplete, $"incomplete at {cut}");
        }
    }

    [Theory]
    [InlineData("C328")]
    [InlineData("E08080")]
    [InlineData("EDA080")]
    [InlineData("F4908080")]
    [InlineData("FF")]
    public void Utf8Validator_rejects_invalid_sequences_even_when_cut(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var validator = new Utf8Validator();
            bool ok = validator.Append(bytes.AsSpan(0, cut)) && validator.Append(bytes.AsSpan(cut)) && validator.IsComplete;
            Assert.False(ok, $"{hex} accepted when cut at {cut}");
        }
    }

    [Fact]
    public void Utf8Validator_reports_a_message_ending_inside_a_code_point()
    {
        var validator = new Utf8Validator();

        Assert.True(validator.Append([0x61, 0xE2, 0x82]));
        Assert.False(validator.IsComplete);
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
