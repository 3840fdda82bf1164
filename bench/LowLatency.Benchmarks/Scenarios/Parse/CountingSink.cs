using LowLatency.Feeds.Model;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>A struct sink that keeps a checksum of what it saw, so the JIT cannot drop the parsing.</summary>
public struct CountingSink : IMarketEventSink
{
    /// <summary>Events seen.</summary>
    public long Events;

    /// <summary>Sum of prices and quantities seen.</summary>
    public long Sum;

    /// <inheritdoc />
    public void OnEvent(in MarketEvent marketEvent)
    {
        Events++;
        Sum += marketEvent.Price + marketEvent.Quantity;
    }
}
