using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Server;

/// <summary>
/// Collects many server frames into one buffer so they go out in one socket write: the
/// replayer's path to millions of small messages per second.
/// </summary>
/// <remarks>
/// Append pre-encoded frames (<see cref="FrameEncoder.EncodeServerFrame"/>: serving is then a
/// memory copy) or encode messages in place; then <see cref="SendAsync"/>. The buffer is reused
/// across batches, so a steady replay allocates nothing per batch. Not thread-safe: one batch per sender.
/// </remarks>
public sealed class WebSocketFrameBatch : IDisposable
{
    private readonly PooledByteBuffer _buffer = new();

    /// <summary>Bytes collected so far.</summary>
    public int Length => _buffer.Length;

    /// <summary>Frames collected so far.</summary>
    public int Count { get; private set; }

    /// <summary>The collected frames.</summary>
    public ReadOnlyMemory<byte> Frames => _buffer.Array.AsMemory(0, _buffer.Length);

    /// <summary>Appends one or more already-encoded frames as they are.</summary>
    public void AppendEncoded(ReadOnlySpan<byte> frames)
    {
        _buffer.Append(frames);
        Count++;
    }

    /// <summary>Encodes and appends one unmasked, uncompressed message frame.</summary>
    public void AppendMessage(ReadOnlySpan<byte> payload, WebSocketMessageType type)
    {
        int length = (int)FrameEncoder.GetFrameLength(payload.Length, masked: false);
        int written = FrameEncoder.WriteFrame(_buffer.GetFreeSpan(length), (WebSocketOpcode)type, payload);
        _buffer.Advance(written);
        Count++;
    }

    /// <summary>Writes every collected frame in one socket write, then empties the batch.</summary>
    public async ValueTask SendAsync(WebSocketConnection connection, CancellationToken cancellationToken = default)
    {
        if (_buffer.Length == 0)
            return;
        await connection.SendRawAsync(Frames, cancellationToken).ConfigureAwait(false);
        Clear();
    }

    /// <summary>Empties the batch without sending.</summary>
    public void Clear()
    {
        _buffer.Clear();
        Count = 0;
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose() => _buffer.Dispose();
}
