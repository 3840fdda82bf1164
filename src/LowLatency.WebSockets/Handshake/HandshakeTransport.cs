using System.Buffers;
using System.IO.Pipelines;

namespace LowLatency.WebSockets.Handshake;

/// <summary>
/// Reads the HTTP head of the upgrade into the connection's own pipe, so bytes that follow it in
/// the same read (early frames, a request body) stay in the pipe for whoever reads next.
/// </summary>
internal static class HandshakeTransport
{
    /// <summary>Creates the receive pipe of a connection: never pauses its writer, inline schedulers.</summary>
    /// <remarks>
    /// One thread both fills and drains the pipe, so a pause threshold could only deadlock it; the
    /// buffered amount is bounded instead by the decoder, which rejects oversized frames on their header.
    /// </remarks>
    public static Pipe CreatePipe()
    {
        var pipe = new Pipe(new PipeOptions(
            pool: null,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: 0,
            resumeWriterThreshold: 0,
            minimumSegmentSize: SegmentSize,
            useSynchronizationContext: false));
        Prewarm(pipe);
        return pipe;
    }

    private const int SegmentSize = 64 * 1024;

    /// <summary>Segments a connection's pipe holds ready before its first byte arrives.</summary>
    private const int PrewarmedSegments = 4;

    /// <summary>
    /// Cycles the pipe through <see cref="PrewarmedSegments"/> segments once, so its segment cache and
    /// buffers are in place before the first message.
    /// </summary>
    /// <remarks>
    /// How many segments are in flight at once depends on how reads happen to straddle frame
    /// boundaries, which depends on scheduling: a receive thread that was descheduled reads bigger
    /// chunks later. Without this, the first time a connection needed a third segment (possibly
    /// long after warm-up) it allocated one. Small frames never need more than three; larger
    /// messages are reassembled or sliced and never pin more than their own length.
    /// </remarks>
    private static void Prewarm(Pipe pipe)
    {
        for (int i = 0; i < PrewarmedSegments; i++)
        {
            Memory<byte> memory = pipe.Writer.GetMemory(SegmentSize);
            pipe.Writer.Advance(memory.Length);
        }
        pipe.Writer.FlushAsync().GetAwaiter().GetResult();
        if (pipe.Reader.TryRead(out ReadResult result))
            pipe.Reader.AdvanceTo(result.Buffer.End);
    }

    /// <summary>Reads until a whole head is in the pipe; consumes it and returns it.</summary>
    public static async Task<HttpHead> ReadHeadAsync(Stream stream, Pipe pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (pipe.Reader.TryRead(out ReadResult result))
            {
                ReadOnlySequence<byte> buffer = result.Buffer;
                if (HttpHead.TryParse(buffer, out HttpHead? head, out SequencePosition end))
                {
                    pipe.Reader.AdvanceTo(end);
                    return head!;
                }
                pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            }
            await FillAsync(stream, pipe, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes (a request body) from the pipe, filling it from the stream as needed.</summary>
    public static async Task<byte[]> ReadBodyAsync(Stream stream, Pipe pipe, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (pipe.Reader.TryRead(out ReadResult result))
            {
                ReadOnlySequence<byte> buffer = result.Buffer;
                if (buffer.Length >= length)
                {
                    byte[] body = buffer.Slice(0, length).ToArray();
                    pipe.Reader.AdvanceTo(buffer.GetPosition(length));
                    return body;
                }
                pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            }
            await FillAsync(stream, pipe, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task FillAsync(Stream stream, Pipe pipe, CancellationToken cancellationToken)
    {
        Memory<byte> memory = pipe.Writer.GetMemory(4096);
        int read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
        if (read == 0)
            throw new WebSocketHandshakeException("The peer closed the connection during the HTTP upgrade.");
        pipe.Writer.Advance(read);
        await pipe.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
