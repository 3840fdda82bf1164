using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Counts events and touches each one; allocates nothing, whatever it receives.</summary>
public sealed class CountingStrategy : IStrategy
{
    private long _events;
    private long _checksum;

    public long Events => Volatile.Read(ref _events);

    public long Checksum => Volatile.Read(ref _checksum);

    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        Volatile.Write(ref _checksum, _checksum + marketEvent.Price);
        Volatile.Write(ref _events, _events + 1);
    }
}
