using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.WebSockets;
using LowLatency.Benchmarks.Compare;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Benchmarks.Scenarios.WebSockets;

/// <summary>
/// <c>ws.frame.read</c>: nanoseconds per frame to turn an in-memory stream of server frames into
/// messages. Ours: 16 KiB reads into a <see cref="Pipe"/> drained by <see cref="WebSocketMessageDecoder"/>,
/// exactly the receive loop's shape. Peer: <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>
/// (the managed WebSocket behind <c>ClientWebSocket</c>) with <c>ReceiveAsync(Memory&lt;byte&gt;)</c>.
/// </summary>
public sealed class FrameReadScenario : ICompareScenario
{
    private const int ChunkSize = 16 * 1024;
    private byte[] _stream = [];
    private int _frames;

    /// <inheritdoc />
    public string Name => "ws.frame.read";

    /// <inheritdoc />
    public string Unit => "ns/frame";

    /// <inheritdoc />
    public bool HigherIsBetter => false;

    /// <inheritdoc />
    public string? Peer => "WebSocket.CreateFromStream.ReceiveAsync";

    /// <inheritdoc />
    public void Setup(CompareContext context)
    {
        _stream = MarketDataFrames.Stream(context.Size(1_000_000, 5_000_000), compressed: false);
        _frames = MarketDataFrames.CountFrames(_stream);
    }

    /// <inheritdoc />
    public RoundResult RunOurs()
    {
        var pipe = new Pipe(new PipeOptions(pool: null, readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 64 * 1024, useSynchronizationContext: false));
        using var decoder = new WebSocketMessageDecoder(expectMaskedFrames: false);
        var handler = new MarketDataFrames.CountingHandler();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        int offset = 0;
        while (offset < _stream.Length)
        {
            // One "socket read": at most 16 KiB, into whatever the pipe's current segment has room for.
            Memory<byte> memory = pipe.Writer.GetMemory(4096);
            int length = Math.Min(Math.Min(ChunkSize, memory.Length), _stream.Length - offset);
            _stream.AsSpan(offset, length).CopyTo(memory.Span);
            offset += length;
            pipe.Writer.Advance(length);
            pipe.Writer.FlushAsync().GetAwaiter().GetResult();
            pipe.Reader.TryRead(out ReadResult result);
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (decoder.Decode(ref buffer, start, ref handler) != WebSocketDecodeStatus.NeedMoreData)
            {
            }
            pipe.Reader.AdvanceTo(buffer.Start, result.Buffer.End);
        }
        double elapsedNs = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Check(handler.Messages);
        return new RoundResult(elapsedNs / handler.Messages, handler.Messages, allocated);
    }

    /// <inheritdoc />
    public RoundResult RunPeer() => RunPeerAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Cleanup() => _stream = [];

    private async Task<RoundResult> RunPeerAsync()
    {
        // CreateFromStream insists on a writable stream; nothing is written since the frames hold no ping or close.
        using var input = new MemoryStream(_stream, writable: true);
        using var socket = WebSocket.CreateFromStream(input, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var buffer = new byte[64 * 1024];
        long messages = 0;
        long start = Stopwatch.GetTimestamp();
        while (messages < _frames)
        {
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.EndOfMessage)
                messages++;
        }
        double elapsedNs = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        Check(messages);
        return new RoundResult(elapsedNs / messages, messages);
    }

    private void Check(long messages)
    {
        if (messages != _frames)
            throw new InvalidOperationException($"decoded {messages} messages, expected {_frames}");
    }
}
