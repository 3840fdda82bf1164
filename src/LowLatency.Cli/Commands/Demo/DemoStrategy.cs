using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>The demo's strategy: counts, per instrument, the messages that reach the signal thread (allocation-free).</summary>
public sealed class DemoStrategy : IStrategy
{
    private readonly long[] _messages;

    /// <summary>Creates it for instrument ids below <paramref name="capacity"/>.</summary>
    public DemoStrategy(int capacity)
    {
        _messages = new long[capacity];
    }

    /// <summary>Messages of <paramref name="instrumentId"/> so far (book levels count once per book message).</summary>
    public long Messages(int instrumentId) => Volatile.Read(ref _messages[instrumentId]);

    /// <inheritdoc />
    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        if (marketEvent.Kind is MarketEventKind.BookSnapshotLevel or MarketEventKind.BookDeltaLevel or MarketEventKind.Gap)
            return;
        int id = marketEvent.InstrumentId;
        Volatile.Write(ref _messages[id], _messages[id] + 1);
    }
}
