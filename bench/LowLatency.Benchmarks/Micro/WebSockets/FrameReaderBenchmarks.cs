using System.Buffers;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.WebSockets;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Benchmarks.Micro.WebSockets;

/// <summary>
/// Frame parsing per operation: 1,000 server frames (about 120-byte JSON trades) decoded from
/// memory by our decoder (single segment, and split into 4 KiB segments as a pipe would hold them)
/// and by the managed WebSocket behind <c>ClientWebSocket</c>; plus one header parse.
/// </summary>
[MemoryDiagnoser]
public class FrameReaderBenchmarks
{
    private const int Frames = 1000;
    private byte[] _stream = [];
    private ReadOnlySequence<byte> _segmented;
    private WebSocketMessageDecoder _decoder = null!;
    private byte[] _receiveBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _stream = MarketDataFrames.Stream(Frames, compressed: false);
        _segmented = Segments.Split(_stream, 4096);
        _decoder = new WebSocketMessageDecoder(expectMaskedFrames: false);
        _receiveBuffer = new byte[64 * 1024];
    }

    [GlobalCleanup]
    public void Cleanup() => _decoder.Dispose();

    [Benchmark(OperationsPerInvoke = Frames, Description = "ours: decoder, one segment")]
    public long OursSingleSegment() => Decode(new ReadOnlySequence<byte>(_stream));

    [Benchmark(OperationsPerInvoke = Frames, Description = "ours: decoder, 4 KiB segments")]
    public long OursSegmented() => Decode(_segmented);

    [Benchmark(OperationsPerInvoke = Frames, Baseline = true, Description = "peer: WebSocket.CreateFromStream ReceiveAsync")]
    public async Task<long> Peer()
    {
        using var input = new MemoryStream(_stream, writable: true);
        using var socket = WebSocket.CreateFromStream(input, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        long messages = 0;
        while (messages < Frames)
        {
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(_receiveBuffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.EndOfMessage)
                messages++;
        }
        return messages;
    }

    [Benchmark(Description = "ours: one header, SequenceReader")]
    public long HeaderOnly()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(_stream));
        FrameReader.TryReadHeader(ref reader, out FrameHeader header);
        return header.PayloadLength;
    }

    private long Decode(ReadOnlySequence<byte> buffer)
    {
        var handler = new MarketDataFrames.CountingHandler();
        while (_decoder.Decode(ref buffer, 0, ref handler) != WebSocketDecodeStatus.NeedMoreData)
        {
        }
        return handler.Messages;
    }

    /// <summary>Builds a multi-segment sequence, as a pipe holding several reads would.</summary>
    private static class Segments
    {
        public static ReadOnlySequence<byte> Split(byte[] data, int size)
        {
            Segment first = new(data.AsMemory(0, Math.Min(size, data.Length)), 0);
            Segment last = first;
            for (int offset = size; offset < data.Length; offset += size)
                last = last.Append(data.AsMemory(offset, Math.Min(size, data.Length - offset)));
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }

        private sealed class Segment : ReadOnlySequenceSegment<byte>
        {
            public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
            {
                Memory = memory;
                RunningIndex = runningIndex;
            }

            public Segment Append(ReadOnlyMemory<byte> memory)
            {
                var next = new Segment(memory, RunningIndex + Memory.Length);
                Next = next;
                return next;
            }
        }
    }
}
