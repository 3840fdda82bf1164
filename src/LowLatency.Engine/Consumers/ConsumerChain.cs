using LowLatency.Core.Ring;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Consumers;

/// <summary>
/// The cache, risk and signal consumers run in turn on one thread (the
/// <see cref="Options.ConsumerThreadLayout.Shared"/> layout): each event is applied to the caches,
/// then to the risk state, then handed to the strategies, before the next event is read.
/// </summary>
/// <remarks>
/// The order keeps what the separate layout guarantees: risk and signal see an event only after
/// the cache applied it. A struct, so the processor's loop is compiled for this very handler and
/// the three calls are direct. Strategy failures are caught inside the signal consumer, so one
/// throwing strategy never skips the cache or risk update of an event.
/// </remarks>
internal readonly struct ConsumerChain(CacheConsumer cache, RiskConsumer risk, SignalConsumer signal) : IEventHandler<MarketEvent>
{
    /// <inheritdoc />
    public void OnEvent(ref MarketEvent data, long sequence, bool endOfBatch)
    {
        cache.OnEvent(ref data, sequence, endOfBatch);
        risk.OnEvent(ref data, sequence, endOfBatch);
        signal.OnEvent(ref data, sequence, endOfBatch);
    }
}
