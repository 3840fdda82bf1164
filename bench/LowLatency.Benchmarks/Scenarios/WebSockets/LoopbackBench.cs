using System.Diagnostics;
using System.Net.WebSockets;
using LowLatency.Benchmarks.Compare;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Server;

namespace LowLatency.Benchmarks.Scenarios.WebSockets;

/// <summary>
/// The loopback throughput bench: one <see cref="WebSocketListener"/> serving pre-encoded frames
/// in 64 KiB batches, one connection for our client and one for <see cref="ClientWebSocket"/>,
/// both kept across rounds; each round streams the same frames to one side.
/// </summary>
/// <remarks>
/// Our allocation figure is measured on our receive thread; the peer's is the process-wide delta
/// of its round, which also holds the (small) server-side send cost.
/// </remarks>
internal sealed class LoopbackBench : IDisposable
{
    private const int BatchBytes = 64 * 1024;
    private readonly bool _compressed;
    private WebSocketListener? _listener;
    private WebSocketConnection? _oursServer;
    private WebSocketConnection? _ours;
    private WebSocketConnection? _peerServer;
    private ClientWebSocket? _peer;
    private RoundProbe? _probe;
    private byte[] _frames = [];
    private int _messages;

    public LoopbackBench(bool compressed)
    {
        _compressed = compressed;
    }

    public void Setup(int messages)
    {
        _frames = MarketDataFrames.Stream(messages, _compressed);
        _messages = MarketDataFrames.CountFrames(_frames);
        _listener = new WebSocketListener();
        var accept = new WebSocketAcceptOptions { EnablePerMessageDeflate = _compressed };

        Task<WebSocketServerRequest> request = _listener.AcceptAsync();
        Task<WebSocketConnection> client = WebSocketClient.ConnectAsync(_listener.Url,
            new WebSocketClientOptions { PerMessageDeflate = _compressed ? new PerMessageDeflateOptions() : null, ReceiveBufferSize = 1 << 20 });
        _oursServer = request.GetAwaiter().GetResult().AcceptWebSocketAsync(accept).GetAwaiter().GetResult();
        _ours = client.GetAwaiter().GetResult();
        _probe = new RoundProbe();
        _ours.StartReceiving(_probe);
        _oursServer.StartReceiving(new MarketDataFrames.CountingHandler());

        request = _listener.AcceptAsync();
        _peer = new ClientWebSocket();
        _peer.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
        if (_compressed)
            _peer.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        Task connect = _peer.ConnectAsync(_listener.Url, CancellationToken.None);
        _peerServer = request.GetAwaiter().GetResult().AcceptWebSocketAsync(accept).GetAwaiter().GetResult();
        connect.GetAwaiter().GetResult();
        _peerServer.StartReceiving(new MarketDataFrames.CountingHandler());
        if (_compressed && (_ours.PerMessageDeflate is null || _peerServer.PerMessageDeflate is null))
            throw new InvalidOperationException("permessage-deflate was not negotiated on both connections");
    }

    public RoundResult RunOurs()
    {
        _probe!.Arm(_messages);
        long start = Stopwatch.GetTimestamp();
        Task send = SendAllAsync(_oursServer!);
        _probe.Done.Wait();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        send.GetAwaiter().GetResult();
        return new RoundResult(_messages / seconds, _messages, _probe.Allocated);
    }

    public RoundResult RunPeer() => RunPeerAsync().GetAwaiter().GetResult();

    public void Dispose()
    {
        _ours?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _oursServer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _peer?.Abort();
        _peer?.Dispose();
        _peerServer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _listener?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<RoundResult> RunPeerAsync()
    {
        var buffer = new byte[64 * 1024];
        long start = Stopwatch.GetTimestamp();
        Task send = SendAllAsync(_peerServer!);
        int messages = 0;
        while (messages < _messages)
        {
            ValueWebSocketReceiveResult result = await _peer!.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.EndOfMessage)
                messages++;
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await send.ConfigureAwait(false);
        return new RoundResult(messages / seconds, messages);
    }

    private async Task SendAllAsync(WebSocketConnection server)
    {
        await Task.Yield();
        for (int offset = 0; offset < _frames.Length;)
        {
            int end = Math.Min(_frames.Length, offset + BatchBytes);
            // Cut at a frame boundary so each write is a run of whole frames.
            end = FrameBoundaryAtOrBefore(offset, end);
            await server.SendRawAsync(_frames.AsMemory(offset, end - offset)).ConfigureAwait(false);
            offset = end;
        }
    }

    private int FrameBoundaryAtOrBefore(int start, int limit)
    {
        int position = start;
        while (position < _frames.Length && LowLatency.WebSockets.Protocol.FrameReader.TryReadHeader(_frames.AsSpan(position), out var header)
               && position + header.FrameLength <= limit)
            position += (int)header.FrameLength;
        return position == start ? limit : position;
    }

    /// <summary>Counts messages on our receive thread and measures that thread's allocations over a round.</summary>
    private sealed class RoundProbe : IWebSocketMessageHandler
    {
        private int _target;
        private int _count;
        private long _allocatedAtStart;

        public ManualResetEventSlim Done { get; } = new();

        public long Allocated { get; private set; }

        public void Arm(int target)
        {
            Done.Reset();
            Volatile.Write(ref _count, 0);
            Volatile.Write(ref _allocatedAtStart, -1);
            Volatile.Write(ref _target, target);
        }

        public void OnMessage(in WebSocketMessage message)
        {
            if (_allocatedAtStart == -1)
                _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
            if (++_count == _target)
            {
                Allocated = GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
                Done.Set();
            }
        }
    }
}
