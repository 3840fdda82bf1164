using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.KeepAlive;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets;

/// <summary>
/// An open WebSocket connection, client or server side: a dedicated receive thread feeding a
/// <see cref="Pipe"/> and a <see cref="WebSocketMessageDecoder"/>, and a thread-safe send path.
/// </summary>
/// <remarks>
/// <para>Receiving runs on its own thread with blocking reads straight into the pipe's pooled
/// segments (<see cref="StartReceiving{THandler}"/>): no thread-pool hop between the socket and
/// the handler, a receive timestamp taken the moment the read returns, and no allocation per
/// message. The same thread answers pings and close frames.</para>
/// <para>Sends from any thread are serialised by a lock and await the socket, so a slow peer
/// applies back-pressure to the sender instead of growing a queue.</para>
/// </remarks>
public sealed class WebSocketConnection : IAsyncDisposable
{
    private const int ReceiveSizeHint = 4096;
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Pipe _pipe;
    private readonly WebSocketMessageDecoder _decoder;
    private readonly MessageDeflater? _deflater;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly KeepAliveOptions _keepAlive;
    private readonly TaskCompletionSource<WebSocketCloseInfo> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KeepAliveMonitor? _monitor;
    private Thread? _receiveThread;
    private long _lastReceiveTimestamp;
    private long _messagesReceived;
    private int _receiving;
    private int _closeSent;
    private int _finished;
    private string? _abortReason;

    internal WebSocketConnection(Socket socket, Stream stream, Pipe pipe, WebSocketRole role, int maxMessageSize,
        PerMessageDeflateParameters? deflate, KeepAliveOptions keepAlive, string endpointName)
    {
        _socket = socket;
        _stream = stream;
        _pipe = pipe;
        Role = role;
        PerMessageDeflate = deflate;
        EndpointName = endpointName;
        _keepAlive = keepAlive;
        _decoder = new WebSocketMessageDecoder(expectMaskedFrames: role == WebSocketRole.Server, maxMessageSize, deflate is not null);
        if (deflate is not null && role == WebSocketRole.Server)
            _deflater = new MessageDeflater(deflate.ServerNoContextTakeover);
        _lastReceiveTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Client or server side.</summary>
    public WebSocketRole Role { get; }

    /// <summary>The negotiated permessage-deflate parameters, or null when not negotiated.</summary>
    public PerMessageDeflateParameters? PerMessageDeflate { get; }

    /// <summary>The peer, as <c>host:port</c> (client side) or the remote address (server side), for logs and thread names.</summary>
    public string EndpointName { get; }

    /// <summary>Ends with how the connection closed; never faults.</summary>
    public Task<WebSocketCloseInfo> Completion => _completion.Task;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> of the last socket read that returned bytes.</summary>
    public long LastReceiveTimestamp => Volatile.Read(ref _lastReceiveTimestamp);

    /// <summary>Data messages delivered to the handler so far.</summary>
    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    /// <summary>True once a close frame has been sent (by us, or as the echo of the peer's).</summary>
    public bool IsCloseSent => Volatile.Read(ref _closeSent) != 0;

    /// <summary>
    /// Starts the receive thread; <paramref name="handler"/> gets every data message on it.
    /// Bytes that arrived before this call (even with the handshake response) are not lost.
    /// </summary>
    /// <exception cref="InvalidOperationException">Receiving was already started.</exception>
    public void StartReceiving<THandler>(THandler handler) where THandler : IWebSocketMessageHandler
    {
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
            throw new InvalidOperationException("StartReceiving was already called on this connection.");
        if (_keepAlive.IsEnabled)
            _monitor = new KeepAliveMonitor(this, _keepAlive);
        _receiveThread = new Thread(() => ReceiveLoop(handler))
        {
            IsBackground = true,
            Name = "ws-recv " + EndpointName,
        };
        _receiveThread.Start();
    }

    /// <summary>Sends one message in one frame (masked with a fresh key on the client side; compressed on a server side that negotiated permessage-deflate).</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken = default) =>
        SendFrameAsync((WebSocketOpcode)type, payload, cancellationToken);

    /// <summary>Sends a text message.</summary>
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendFrameAsync(WebSocketOpcode.Text, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Sends a ping with <paramref name="payload"/> (at most 125 bytes).</summary>
    public ValueTask PingAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, FrameReader.MaxControlPayloadLength, nameof(payload));
        return SendFrameAsync(WebSocketOpcode.Ping, payload, cancellationToken);
    }

    /// <summary>
    /// Writes already-encoded frames as they are, in one socket write: the server's fast path
    /// for pre-encoded messages and for batches of many small frames (see <see cref="Server.WebSocketFrameBatch"/>).
    /// </summary>
    /// <remarks>The bytes must be whole, valid frames for this role (unmasked from a server, masked from a client).</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendRawAsync(ReadOnlyMemory<byte> encodedFrames, CancellationToken cancellationToken = default)
    {
        ThrowIfCloseSent();
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(encodedFrames, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts the close handshake (RFC 6455 §7.1.2) and waits, at most 5 s, for the peer's close
    /// frame; then releases the socket. Returns how the connection ended.
    /// </summary>
    public async Task<WebSocketCloseInfo> CloseAsync(WebSocketCloseCode code = WebSocketCloseCode.NormalClosure, string? reason = null,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) == 0)
        {
            try
            {
                await SendCloseFrameAsync(code, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                Abort("sending the close frame failed: " + ex.Message);
            }
        }
        if (Volatile.Read(ref _receiving) == 0)
        {
            Finish(new WebSocketCloseInfo(code, reason ?? string.Empty, ClosedByPeer: false, Error: null));
            return await Completion.ConfigureAwait(false);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_closeTimeout);
        try
        {
            await Completion.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Abort(cancellationToken.IsCancellationRequested ? "close cancelled" : "the peer did not answer the close frame within 5 s");
        }
        return await Completion.ConfigureAwait(false);
    }

    /// <summary>Drops the connection at once, without a close handshake; <see cref="Completion"/> reports <paramref name="reason"/> with 1006.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _abortReason, reason, null);
        if (Volatile.Read(ref _receiving) == 0)
        {
            Finish(new WebSocketCloseInfo(WebSocketCloseCode.AbnormalClosure, reason, ClosedByPeer: false, Error: null));
            return;
        }
        // Closing the socket unblocks the receive thread, which then reports the abort.
        TearDownTransport();
    }

    /// <summary>Aborts the connection if it is still open and waits for the receive thread to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _finished) == 0)
            Abort("disposed");
        await Completion.ConfigureAwait(false);
        _sendLock.Dispose();
    }

    private void ReceiveLoop<THandler>(THandler handler) where THandler : IWebSocketMessageHandler
    {
        WebSocketCloseInfo result;
        var counting = new CountingHandler<THandler>(this, handler);
        try
        {
            result = RunReceiveLoop(ref counting);
        }
        catch (WebSocketProtocolException ex)
        {
            FailConnection(ex.CloseCode, ex);
            result = new WebSocketCloseInfo(ex.CloseCode, ex.Message, ClosedByPeer: false, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            string reason = Volatile.Read(ref _abortReason) ?? "connection lost: " + ex.Message;
            result = new WebSocketCloseInfo(WebSocketCloseCode.AbnormalClosure, reason, ClosedByPeer: false,
                Volatile.Read(ref _abortReason) is null ? ex : null);
        }
        catch (Exception ex)
        {
            // The handler threw: the application cannot go on with this stream (RFC 6455 §7.4.1, 1011).
            FailConnection(WebSocketCloseCode.InternalServerError, ex);
            result = new WebSocketCloseInfo(WebSocketCloseCode.InternalServerError, "message handler failed: " + ex.Message, ClosedByPeer: false, ex);
        }
        Finish(result);
    }

    private WebSocketCloseInfo RunReceiveLoop<THandler>(ref THandler handler) where THandler : IWebSocketMessageHandler
    {
        PipeWriter writer = _pipe.Writer;
        long timestamp = Stopwatch.GetTimestamp();
        while (true)
        {
            if (ProcessBuffered(ref handler, timestamp) is { } closed)
                return closed;
            Memory<byte> memory = writer.GetMemory(ReceiveSizeHint);
            int read = _stream.Read(memory.Span);
            timestamp = Stopwatch.GetTimestamp();
            if (read == 0)
            {
                string reason = Volatile.Read(ref _abortReason) ?? "the peer closed the TCP connection without a close frame";
                return new WebSocketCloseInfo(WebSocketCloseCode.AbnormalClosure, reason, ClosedByPeer: true, Error: null);
            }
            Volatile.Write(ref _lastReceiveTimestamp, timestamp);
            writer.Advance(read);
            // The pipe never pauses the writer (pauseWriterThreshold 0), so this completes synchronously.
            ValueTask<FlushResult> flush = writer.FlushAsync();
            Debug.Assert(flush.IsCompleted);
            flush.GetAwaiter().GetResult();
        }
    }

    /// <summary>Decodes what the pipe holds; returns the outcome when a close handshake ended the connection.</summary>
    private WebSocketCloseInfo? ProcessBuffered<THandler>(ref THandler handler, long timestamp) where THandler : IWebSocketMessageHandler
    {
        PipeReader reader = _pipe.Reader;
        if (!reader.TryRead(out ReadResult result))
            return null;
        ReadOnlySequence<byte> buffer = result.Buffer;
        SequencePosition end = buffer.End;
        try
        {
            while (true)
            {
                WebSocketDecodeStatus status = _decoder.Decode(ref buffer, timestamp, ref handler);
                if (status == WebSocketDecodeStatus.NeedMoreData)
                    return null;
                if (OnControlFrame(status) is { } closed)
                    return closed;
            }
        }
        finally
        {
            reader.AdvanceTo(buffer.Start, end);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebSocketCloseInfo? OnControlFrame(WebSocketDecodeStatus status)
    {
        switch (status)
        {
            case WebSocketDecodeStatus.Ping:
                if (!IsCloseSent)
                    SendControlFromReceiveThread(WebSocketOpcode.Pong, _decoder.ControlPayload);
                return null;
            case WebSocketDecodeStatus.Pong:
                _monitor?.OnPong();
                return null;
            default:
                WebSocketCloseCode code = _decoder.CloseCode;
                string reason = _decoder.CloseReason;
                bool weStarted = Interlocked.Exchange(ref _closeSent, 1) != 0;
                if (!weStarted)
                {
                    // Echo the peer's status (RFC 6455 §5.5.1); a close without status is echoed empty.
                    Span<byte> body = stackalloc byte[2];
                    BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)code);
                    SendControlFromReceiveThread(WebSocketOpcode.Close, code == WebSocketCloseCode.NoStatusReceived ? default : body);
                }
                return new WebSocketCloseInfo(code, reason, ClosedByPeer: !weStarted, Error: null);
        }
    }

    private void FailConnection(WebSocketCloseCode code, Exception error)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) != 0)
            return;
        // The close reason is capped so the frame stays within the 125-byte control limit (§5.5).
        string message = error.Message;
        Span<byte> body = stackalloc byte[FrameReader.MaxControlPayloadLength];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)code);
        int reasonLength = Utf8Prefix(message, body[2..]);
        SendControlFromReceiveThread(WebSocketOpcode.Close, body[..(2 + reasonLength)]);
    }

    /// <summary>
    /// Sends a control frame from the receive thread. A pong never waits for the send lock; a close
    /// frame does (up to the close timeout), because the transport is torn down right after it and
    /// a close handed to another thread could lose that race.
    /// </summary>
    private void SendControlFromReceiveThread(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        bool isClose = opcode == WebSocketOpcode.Close;
        if (_sendLock.Wait(isClose ? s_closeTimeout : TimeSpan.Zero))
        {
            try
            {
                Span<byte> frame = stackalloc byte[FrameReader.MaxHeaderLength + FrameReader.MaxControlPayloadLength];
                int length = EncodeFrame(frame, opcode, payload, rsv1: false);
                _stream.Write(frame[..length]);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The transport is gone; the receive loop sees it on its next read.
            }
            finally
            {
                _sendLock.Release();
            }
            return;
        }
        if (isClose)
            return;
        // Another thread is inside a (possibly blocked) send: hand the pong to the pool rather than
        // stall the reader, which the peer may need to drain before it reads again.
        _ = SendControlInBackgroundAsync(opcode, payload.ToArray());
    }

    /// <summary>Kept apart from its caller so the caller's common path allocates no closure.</summary>
    private async Task SendControlInBackgroundAsync(WebSocketOpcode opcode, byte[] payload)
    {
        await Task.Yield();
        try
        {
            await SendFrameCoreAsync(opcode, payload, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The receive loop reports the broken transport.
        }
    }

    private ValueTask SendCloseFrameAsync(WebSocketCloseCode code, string? reason, CancellationToken cancellationToken)
    {
        var body = new byte[FrameReader.MaxControlPayloadLength];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)code);
        int reasonLength = Utf8Prefix(reason ?? string.Empty, body.AsSpan(2));
        return SendFrameCoreAsync(WebSocketOpcode.Close, body.AsMemory(0, 2 + reasonLength), cancellationToken);
    }

    private ValueTask SendFrameAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ThrowIfCloseSent();
        return SendFrameCoreAsync(opcode, payload, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendFrameCoreAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        bool compress = _deflater is not null && (opcode == WebSocketOpcode.Text || opcode == WebSocketOpcode.Binary);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        byte[]? frame = null;
        try
        {
            // Compression shares the deflater's context, so it happens under the send lock, in send order.
            ReadOnlyMemory<byte> body = compress ? _deflater!.Compress(payload.Span) : payload;
            int length = (int)FrameEncoder.GetFrameLength(body.Length, Role == WebSocketRole.Client);
            frame = ArrayPool<byte>.Shared.Rent(length);
            EncodeFrame(frame, opcode, body.Span, compress);
            await _stream.WriteAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
            if (frame is not null)
                ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private int EncodeFrame(Span<byte> destination, WebSocketOpcode opcode, ReadOnlySpan<byte> payload, bool rsv1)
    {
        bool masked = Role == WebSocketRole.Client;
        uint key = 0;
        if (masked)
        {
            // RFC 6455 §5.3: a fresh, unpredictable key for every frame.
            Span<byte> keyBytes = stackalloc byte[4];
            RandomNumberGenerator.Fill(keyBytes);
            key = BinaryPrimitives.ReadUInt32LittleEndian(keyBytes);
        }
        return FrameEncoder.WriteFrame(destination, opcode, payload, fin: true, rsv1, masked, key);
    }

    private void ThrowIfCloseSent()
    {
        if (IsCloseSent)
            ThrowCloseSent();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowCloseSent() =>
        throw new InvalidOperationException($"Cannot send on the WebSocket connection to {EndpointName}: a close frame was already sent (RFC 6455 §5.5.1).");

    private static int Utf8Prefix(string text, Span<byte> destination)
    {
        int max = Math.Min(destination.Length, FrameReader.MaxControlPayloadLength - 2);
        if (Encoding.UTF8.GetByteCount(text) <= max)
            return Encoding.UTF8.GetBytes(text, destination);
        int chars = Math.Min(text.Length, max / 3);
        return Encoding.UTF8.GetBytes(text.AsSpan(0, chars), destination);
    }

    private void Finish(WebSocketCloseInfo result)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
            return;
        _monitor?.Dispose();
        TearDownTransport();
        _pipe.Reader.Complete();
        _pipe.Writer.Complete();
        _decoder.Dispose();
        _deflater?.Dispose();
        _completion.TrySetResult(result);
    }

    private void TearDownTransport()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer or by an earlier abort.
        }
        _stream.Dispose();
        _socket.Dispose();
    }

    /// <summary>Counts delivered messages for <see cref="MessagesReceived"/>; a struct, so the user's handler call stays direct.</summary>
    private struct CountingHandler<THandler>(WebSocketConnection connection, THandler inner) : IWebSocketMessageHandler
        where THandler : IWebSocketMessageHandler
    {
        private THandler _inner = inner;

        public void OnMessage(in WebSocketMessage message)
        {
            // Only the receive thread writes the counter; readers use a volatile read.
            Volatile.Write(ref connection._messagesReceived, connection._messagesReceived + 1);
            _inner.OnMessage(message);
        }
    }
}
