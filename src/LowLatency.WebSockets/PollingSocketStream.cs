using System.Net.Sockets;

namespace LowLatency.WebSockets;

/// <summary>
/// A socket stream whose synchronous reads wait with <c>poll(2)</c> before receiving, so the
/// dedicated receive thread never allocates while it waits for data.
/// </summary>
/// <remarks>
/// Once a socket has seen one asynchronous operation (connect, TLS, the upgrade, any
/// <c>WriteAsync</c>), .NET on Unix keeps its descriptor non-blocking and emulates a blocking
/// <c>Receive</c> by allocating a wait operation each time no data is ready: a few kilobytes per
/// second on a live feed. Polling first means the receive that follows always finds data (or the
/// end of the stream) and completes inline. Writes stay on the ordinary async socket path, which
/// gives back-pressure without blocking the caller.
/// </remarks>
internal sealed class PollingSocketStream(Socket socket) : Stream
{
    /// <summary>Upper bound of one poll, so a torn-down socket is noticed even if the wake-up is lost.</summary>
    private const int PollMicroseconds = 500_000;

    private volatile bool _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!socket.Poll(PollMicroseconds, SelectMode.SelectRead))
            ObjectDisposedException.ThrowIf(_disposed, this);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return socket.Receive(buffer, SocketFlags.None);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
            buffer = buffer[socket.Send(buffer, SocketFlags.None)..];
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
            buffer = buffer[await socket.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)..];
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
