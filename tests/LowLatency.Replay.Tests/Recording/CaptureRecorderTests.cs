using System.Buffers;
using System.Text;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Recording;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;
using LowLatency.WebSockets;
using LowLatency.WebSockets.Client;

namespace LowLatency.Replay.Tests.Recording;

public sealed class CaptureRecorderTests
{
    private static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"recorder-{Guid.NewGuid():N}", name);

    [Fact]
    public async Task Every_queued_message_is_written_with_its_receive_time_as_unix_ns()
    {
        var path = TempPath("rec.txt");
        var wallBefore = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        await using (var recorder = new CaptureRecorder(new CaptureRecorderOptions { Writer = new CaptureWriterOptions { Path = path } }))
        {
            for (var i = 0; i < 10_000; i++)
                Assert.True(recorder.TryRecord(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), System.Diagnostics.Stopwatch.GetTimestamp()));
        }
        var wallAfter = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

        using var reader = CaptureFile.Open(path);
        var n = 0;
        var previous = 0L;
        while (reader.TryRead(out var record))
        {
            Assert.Equal($"{{\"n\":{n++}}}", Encoding.UTF8.GetString(record.Body.Span));
            Assert.InRange(record.TimestampNs, Math.Max(previous, wallBefore - 5_000_000), wallAfter + 5_000_000);
            previous = record.TimestampNs;
        }
        Assert.Equal(10_000, n);
    }

    [Fact]
    public void Full_queue_refuses_instead_of_waiting_and_frees_slots_in_order()
    {
        using var queue = new RecordingQueue(2);

        Assert.True(queue.TryEnqueue(new ReadOnlySequence<byte>("a"u8.ToArray()), 1));
        Assert.True(queue.TryEnqueue(new ReadOnlySequence<byte>("bb"u8.ToArray()), 2));
        Assert.False(queue.TryEnqueue(new ReadOnlySequence<byte>("c"u8.ToArray()), 3));
        Assert.Equal("a", Encoding.UTF8.GetString(queue.Peek()!.Message));
        queue.Release();
        Assert.True(queue.TryEnqueue(new ReadOnlySequence<byte>("ddd"u8.ToArray()), 4));
        Assert.Equal(("bb", 2L), (Encoding.UTF8.GetString(queue.Peek()!.Message), queue.Peek()!.Timestamp));
        queue.Release();
        Assert.Equal("ddd", Encoding.UTF8.GetString(queue.Peek()!.Message));
        queue.Release();
        Assert.Null(queue.Peek());
    }

    [Fact]
    public void Queue_keeps_order_and_content_across_a_producer_and_a_consumer_thread()
    {
        using var queue = new RecordingQueue(64);
        const int count = 200_000;
        var consumer = Task.Run(() =>
        {
            for (var expected = 0; expected < count;)
            {
                if (queue.Peek() is not { } slot)
                {
                    Thread.Yield();
                    continue;
                }
                var text = Encoding.UTF8.GetString(slot.Message);
                if (text != expected.ToString() || slot.Timestamp != expected)
                    throw new InvalidOperationException($"slot {expected} held '{text}' at {slot.Timestamp}");
                queue.Release();
                expected++;
            }
        });
        for (var i = 0; i < count;)
        {
            if (queue.TryEnqueue(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(i.ToString())), i))
                i++;
            else
                Thread.Yield();
        }
        Assert.True(consumer.Wait(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Recording_a_message_allocates_nothing_on_the_receiving_thread()
    {
        var path = TempPath("alloc.txt");
        await using var recorder = new CaptureRecorder(new CaptureRecorderOptions { Writer = new CaptureWriterOptions { Path = path }, QueueCapacity = 1 << 12 });
        var message = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":\"61837.63\"}}"));
        for (var i = 0; i < 10_000; i++)
            recorder.TryRecord(message, i);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200_000; i++)
            recorder.TryRecord(message, i);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Recording_the_replayer_then_replaying_the_recording_gives_the_same_messages()
    {
        var original = RecordedFeed.Load("binance", CaptureSlice.FirstSpan(TestPaths.BinanceSpotHbt, TimeSpan.FromSeconds(3)));
        var path = TempPath("roundtrip.txt.gz");
        await using (var replayer = Replayer.Start(original, new ReplayerOptions { Speed = ReplaySpeed.Max }))
        await using (var recorder = new CaptureRecorder(new CaptureRecorderOptions { Writer = new CaptureWriterOptions { Path = path, Gzip = true } }))
        {
            await using var connection = await WebSocketClient.ConnectAsync(replayer.WebSocketUrl("/stream"));
            connection.StartReceiving(new RecordingHandler<Discard>(recorder, default));
            await connection.SendTextAsync("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\",\"btcusdt@bookTicker\",\"btcusdt@trade\"],\"id\":1}");
            Assert.Equal(WebSocketCloseCode.NormalClosure, (await connection.Completion.WaitAsync(TimeSpan.FromSeconds(30))).Code);
        }

        var replayed = RecordedFeed.Load("binance", path);

        Assert.Equal(1, replayed.SessionMessages);
        Assert.Equal(original.Count, replayed.Count);
        for (var i = 0; i < original.Count; i++)
            Assert.True(original.Payload(i).Span.SequenceEqual(replayed.Payload(i).Span), $"message {i} differs");
        await using var second = Replayer.Start(replayed, new ReplayerOptions { Speed = ReplaySpeed.Max });
        await using var client = await CollectingClient.ConnectAsync(second.WebSocketUrl("/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade"));
        await client.WaitClosedAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, original.Count).Select(i => Encoding.UTF8.GetString(original.Payload(i).Span)), client.Messages.Select(m => m.Text));
    }

    private struct Discard : IWebSocketMessageHandler
    {
        public readonly void OnMessage(in WebSocketMessage message)
        {
        }
    }
}
