using LowLatency.Engine.Options;
using LowLatency.Engine.Strategies;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LowLatency.Engine.Hosting;

/// <summary>Runs the engine in a generic host: subscribes the configured instruments at start, disposes the engine at stop.</summary>
internal sealed class EngineHostedService : IHostedService
{
    private readonly MarketDataEngine _engine;
    private readonly EngineOptions _options;
    private StrategySession? _session;

    public EngineHostedService(MarketDataEngine engine, IOptions<EngineOptions> options)
    {
        _engine = engine;
        _options = options.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Subscriptions.Count == 0)
            return;
        _session = _engine.AddStrategy("configuration");
        foreach (var subscription in _options.Subscriptions)
            await _session.SubscribeAsync(subscription.Venue, subscription.Symbol, subscription.Channels, subscription.CandleInterval, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_session is not null)
            await _session.DisposeAsync().ConfigureAwait(false);
        await _engine.DisposeAsync().ConfigureAwait(false);
    }
}
