using System.Text;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Protocol;
using LowLatency.WebSockets.Server;

namespace LowLatency.WebSockets.Tests.Client;

/// <summary>
/// The hot-path promise: once warm, the receive thread allocates nothing per message, measured
/// with <see cref="GC.GetAllocatedBytesForCurrentThread"/> on that thread over 100,000 messages
/// (single-frame, fragmented and, with permessage-deflate, compressed ones, with pings answered
/// in between).
/// </summary>
/// <remarks>
/// Up to <see cref="Windows"/> consecutive windows of <see cref="Measured"/> messages are measured
/// and one of them must allocate exactly 0 bytes. A per-message allocation would show in every
/// window (at least 100,000 bytes each), so this still fails for any hot-path allocation; what it
/// tolerates is a one-off object from the runtime's socket layer, whose non-blocking receive can
/// take its slow path (56 bytes) when it loses a race with the runtime's own event thread.
/// </remarks>
public sealed class ReceiveAllocationTests
{
    private const int Warmup = 5_000;
    private const int Measured = 100_000;
    private const int Windows = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Receive_thread_allocates_nothing_per_message_in_steady_state(bool deflate)
    {
        await using var listener = new WebSocketListener();
        Task<WebSocketConnection> accepted = AcceptAsync(listener, deflate);
        await using WebSocketConnection client = await WebSocketClient.ConnectAsync(listener.Url,
            new WebSocketClientOptions { PerMessageDeflate = deflate ? new PerMessageDeflateOptions() : null });
        var probe = new AllocationProbe();
        client.StartReceiving(probe);
        await using WebSocketConnection server = await accepted;
        Assert.Equal(deflate, client.PerMessageDeflate is not null);

        await SendAsync(server, Warmup + Windows * Measured, deflate);
        await probe.Done.Task.WaitAsync(TimeSpan.FromSeconds(120));

        long[] windows = probe.Windows.ToArray();
        Assert.True(windows.Contains(0), $"every window of {Measured:N0} messages allocated: {string.Join(", ", windows)} bytes");
    }

    private static async Task<WebSocketConnection> AcceptAsync(WebSocketListener listener, bool deflate)
    {
        WebSocketServerRequest request = await listener.AcceptAsync();
        return await request.AcceptWebSocketAsync(new WebSocketAcceptOptions { EnablePerMessageDeflate = deflate });
    }

    private static async Task SendAsync(WebSocketConnection server, int count, bool deflate)
    {
        using var batch = new WebSocketFrameBatch();
        for (int i = 0; i < count; i++)
        {
            byte[] json = Encoding.UTF8.GetBytes($"{{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":{i},\"p\":\"{60000 + (i % 977)}.12\",\"q\":\"0.{i % 100:000}\"}}");
            if (i % 100 == 7)
            {
                // A fragmented message: two frames, a ping between them.
                batch.AppendEncoded(Frame(WebSocketOpcode.Text, json[..10], fin: false));
                batch.AppendEncoded(Frame(WebSocketOpcode.Ping, "hb"u8.ToArray(), fin: true));
                batch.AppendEncoded(Frame(WebSocketOpcode.Continuation, json[10..], fin: true));
            }
            else if (deflate)
            {
                await batch.SendAsync(server);
                await server.SendAsync(json, WebSocketMessageType.Text);
            }
            else
            {
                batch.AppendMessage(json, WebSocketMessageType.Text);
            }
            if (batch.Length > 32 * 1024)
                await batch.SendAsync(server);
        }
        await batch.SendAsync(server);
    }

    private static byte[] Frame(WebSocketOpcode opcode, byte[] payload, bool fin)
    {
        var frame = new byte[FrameEncoder.GetFrameLength(payload.Length, masked: false)];
        FrameEncoder.WriteFrame(frame, opcode, payload, fin);
        return frame;
    }

    private sealed class AllocationProbe : IWebSocketMessageHandler
    {
        private int _count;
        private long _start;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private readonly long[] _windows = new long[ReceiveAllocationTests.Windows];
        private int _recorded;

        /// <summary>Bytes allocated in each measured window; read after <see cref="Done"/> completed.</summary>
        public ReadOnlySpan<long> Windows => _windows.AsSpan(0, Volatile.Read(ref _recorded));

        public void OnMessage(in WebSocketMessage message)
        {
            _count++;
            if (message.Payload.First.Span[0] != (byte)'{')
                throw new InvalidOperationException("message corrupted");
            if (Done.Task.IsCompleted || _count < Warmup || (_count - Warmup) % Measured != 0)
                return;
            long now = GC.GetAllocatedBytesForCurrentThread();
            if (_count > Warmup)
            {
                long allocated = now - _start;
                _windows[_recorded] = allocated;
                Volatile.Write(ref _recorded, _recorded + 1);
                if (allocated == 0 || _recorded == _windows.Length)
                {
                    Done.TrySetResult();
                    return;
                }
            }
            _start = GC.GetAllocatedBytesForCurrentThread();
        }
    }
}
