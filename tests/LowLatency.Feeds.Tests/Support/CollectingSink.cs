using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Tests.Support;

internal sealed class CollectingSink : IMarketEventSink
{
    public List<MarketEvent> Events { get; } = [];

    public void OnEvent(in MarketEvent marketEvent) => Events.Add(marketEvent);
}
