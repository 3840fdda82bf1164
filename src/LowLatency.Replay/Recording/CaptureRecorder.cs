using System.Buffers;

namespace LowLatency.Replay.Recording;

/// <summary>
/// Records raw received messages with their receive timestamps into a capture file, off the hot
/// path: the receiving thread copies each message into a bounded queue, and a background thread
/// formats and writes the lines (see <see cref="CaptureWriter"/>), so anything recorded live can
/// be replayed.
/// </summary>
/// <remarks>
/// <para>One producer thread: a connection's receive thread (wrap its handler in
/// <see cref="RecordingHandler{THandler}"/>). <see cref="TryRecord(in ReadOnlySequence{byte}, long)"/>
/// never blocks and never allocates once the queue's buffers have grown; when the writer falls
/// behind and the queue is full, the message is dropped and counted in <see cref="Dropped"/>.</para>
/// <para>The queue is a simple single-producer queue of pooled buffers; the engine's ring buffer
/// can take its place without changing this API.</para>
/// </remarks>
public sealed class CaptureRecorder : IAsyncDisposable
{
    private readonly CaptureWriter _writer;
    private readonly RecordingQueue _queue;
    private readonly UnixClock _clock = new();
    private readonly ManualResetEventSlim _wake = new();
    private readonly TimeSpan _flushInterval;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dropped;
    private long _written;
    private int _waiting;
    private volatile bool _completing;

    /// <summary>Creates the first capture file and starts the writer thread.</summary>
    public CaptureRecorder(CaptureRecorderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _writer = new CaptureWriter(options.Writer);
        _queue = new RecordingQueue(options.QueueCapacity);
        _flushInterval = options.FlushInterval;
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "capture-recorder" };
        _thread.Start();
    }

    /// <summary>Messages written to the file(s) so far.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Messages dropped because the queue was full.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>The files written so far (complete once the recorder is disposed).</summary>
    public IReadOnlyList<string> Files => _writer.Files;

    /// <summary>Ends with the writer thread: every queued message written and the files closed.</summary>
    public Task Completion => _finished.Task;

    /// <summary>Queues one message received at <paramref name="receiveTimestamp"/> (<see cref="System.Diagnostics.Stopwatch"/> ticks); false when dropped.</summary>
    public bool TryRecord(in ReadOnlySequence<byte> message, long receiveTimestamp)
    {
        if (!_queue.TryEnqueue(message, receiveTimestamp))
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        if (Volatile.Read(ref _waiting) != 0)
            _wake.Set();
        return true;
    }

    /// <summary>Queues one message (see <see cref="TryRecord(in ReadOnlySequence{byte}, long)"/>).</summary>
    public bool TryRecord(ReadOnlyMemory<byte> message, long receiveTimestamp) => TryRecord(new ReadOnlySequence<byte>(message), receiveTimestamp);

    /// <summary>Writes what is queued, closes the files and stops the writer thread.</summary>
    public async ValueTask DisposeAsync()
    {
        _completing = true;
        _wake.Set();
        await _finished.Task.ConfigureAwait(false);
        _queue.Dispose();
        _wake.Dispose();
    }

    private void WriteLoop()
    {
        try
        {
            var dirty = false;
            while (true)
            {
                if (_queue.Peek() is { } slot)
                {
                    _writer.Write(_clock.ToUnixNs(slot.Timestamp), slot.Message);
                    _queue.Release();
                    Volatile.Write(ref _written, _written + 1);
                    dirty = true;
                    continue;
                }
                if (_completing)
                    break;
                if (dirty)
                {
                    _writer.Flush();
                    dirty = false;
                }
                // Announce the wait (full fence) before the last look, so a message queued in between
                // wakes us. The producer does not fence (it is the hot path), so in the rare race where
                // it reads the flag before this store is visible, the timed wait bounds the delay.
                _wake.Reset();
                Interlocked.Exchange(ref _waiting, 1);
                if (_queue.Peek() is null && !_completing)
                    _wake.Wait(_flushInterval);
                Volatile.Write(ref _waiting, 0);
            }
            _writer.Dispose();
            _finished.TrySetResult();
        }
        catch (Exception ex)
        {
            _writer.Dispose();
            _finished.TrySetException(ex);
        }
    }
}
