using LowLatency.Feeds.Model;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>A parser sink that keeps nothing: for messages parsed only for their side effect (registering instruments).</summary>
public struct DiscardingSink : IMarketEventSink
{
    /// <inheritdoc />
    public readonly void OnEvent(in MarketEvent marketEvent)
    {
    }
}
