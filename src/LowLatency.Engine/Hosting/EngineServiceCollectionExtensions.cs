using LowLatency.Engine.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IMeterFactory = System.Diagnostics.Metrics.IMeterFactory;

namespace LowLatency.Engine.Hosting;

/// <summary>Registers the engine in a .NET generic host.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MarketDataEngine"/> singleton built from the <c>LowLatency</c> section of
    /// <paramref name="configuration"/> (appsettings.json, environment variables such as
    /// <c>LowLatency__RingSize</c>, and <c>ENABLE_WEBSOCKET</c>), with the host's logger factory and
    /// meter factory, plus a hosted service that subscribes <see cref="EngineOptions.Subscriptions"/>
    /// at start and disposes the engine at stop.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="configure">Adjusts the builder after the configuration is applied (strategies' venues, replayer endpoints).</param>
    public static IServiceCollection AddLowLatencyEngine(this IServiceCollection services, IConfiguration configuration, Action<EngineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(EngineOptions.SectionName))
            .PostConfigure(options =>
            {
                if (configuration[WebSocketSwitch.VariableName] is { } enabled)
                    options.EnableWebSocket = WebSocketSwitch.Parse(enabled);
            });
        services.AddSingleton(provider =>
        {
            var builder = new EngineBuilder(provider.GetRequiredService<IOptions<EngineOptions>>().Value)
                .WithLogging(provider.GetService<ILoggerFactory>())
                .WithMeterFactory(provider.GetService<IMeterFactory>());
            configure?.Invoke(builder);
            return builder.Build();
        });
        services.AddHostedService<EngineHostedService>();
        return services;
    }
}
