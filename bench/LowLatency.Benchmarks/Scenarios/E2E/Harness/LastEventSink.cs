using LowLatency.Feeds.Model;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Keeps the last event a parser emitted for one message: the one that completes it.</summary>
internal struct LastEventSink : IMarketEventSink
{
    public MarketEvent Last;
    public int Count;

    public void OnEvent(in MarketEvent marketEvent)
    {
        Last = marketEvent;
        Count++;
    }
}
