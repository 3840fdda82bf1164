using System.Diagnostics;
using LowLatency.Benchmarks.Compare;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>
/// A parse comparison over recorded messages: ours parses into <c>MarketEvent</c>s through a
/// struct sink, the peer deserializes into DTOs with a source-generated context. Reports ns per
/// message (lower is better) and the bytes each side allocates per message on its thread.
/// </summary>
public abstract class ParseScenario : ICompareScenario
{
    private byte[][] _messages = [];
    private int _passes;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public string Unit => "ns/msg";

    /// <inheritdoc />
    public bool HigherIsBetter => false;

    /// <inheritdoc />
    public string? Peer => "System.Text.Json source-generated DTOs";

    /// <summary>Messages per round wanted in quick and full mode.</summary>
    protected virtual (int Quick, int Full) MessagesPerRound => (20_000, 200_000);

    /// <inheritdoc />
    public void Setup(CompareContext context)
    {
        _messages = LoadMessages(context);
        Prepare();
        var (quick, full) = MessagesPerRound;
        _passes = Math.Max(1, context.Size(quick, full) / _messages.Length);
    }

    /// <inheritdoc />
    public RoundResult RunOurs()
    {
        var sink = default(CountingSink);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < _passes; pass++)
        {
            foreach (var message in _messages)
                ParseOurs(message, ref sink);
        }
        return Result(start, allocated, sink.Events);
    }

    /// <inheritdoc />
    public RoundResult RunPeer()
    {
        long kept = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < _passes; pass++)
        {
            foreach (var message in _messages)
                kept += ParsePeer(message);
        }
        return Result(start, allocated, kept);
    }

    /// <inheritdoc />
    public virtual void Cleanup() => _messages = [];

    /// <summary>The recorded messages of the scenario.</summary>
    protected abstract byte[][] LoadMessages(CompareContext context);

    /// <summary>Creates parsers and registries.</summary>
    protected abstract void Prepare();

    /// <summary>Parses one message with our parser.</summary>
    protected abstract void ParseOurs(byte[] message, ref CountingSink sink);

    /// <summary>Deserializes one message with the peer; returns something derived from it so it is not optimised away.</summary>
    protected abstract long ParsePeer(byte[] message);

    private RoundResult Result(long start, long allocatedBefore, long kept)
    {
        var elapsedNs = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var operations = (long)_passes * _messages.Length;
        if (kept == 0)
            throw new InvalidOperationException($"{Name}: nothing was parsed");
        return new RoundResult(elapsedNs / operations, operations, allocated);
    }
}
