using System.Diagnostics.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;
using Microsoft.Extensions.DependencyInjection;

namespace LowLatency.Engine.Tests.Metrics;

public sealed class EngineMetersTests
{
    [Fact]
    public async Task Meter_publishes_messages_by_venue_and_channel_latency_by_stage_and_gc_counts()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange("binance-spot", replayer).WithMeterFactory(factory).Build();
        var session = engine.AddStrategy("quotes");
        await session.SubscribeAsync("binance-spot", "BTCUSDT", MarketChannels.BestBidOffer);
        await Eventually.TrueAsync(() => engine.GetDataQuality("binance-spot", "BTCUSDT", MarketChannels.BestBidOffer).Quality == DataQuality.Synced, "quotes synced");

        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == MarketDataEngine.MeterName)
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Add((i.Name, value, Tags(tags))));
            listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Add((i.Name, value, Tags(tags))));
            listener.Start();
            listener.RecordObservableInstruments();
        }

        Assert.Contains(measurements, m => m.Instrument == "lowlatency.messages" && m.Value > 0
                                           && (string?)m.Tags["venue"] == "binance_spot" && (string?)m.Tags["channel"] == "BestBidOffer");
        foreach (var stage in new[] { "Parsed", "Published", "CacheVisible", "Signal" })
            Assert.Contains(measurements, m => m.Instrument == "lowlatency.latency" && (string?)m.Tags["stage"] == stage && (string?)m.Tags["quantile"] == "p99");
        Assert.Equal(3, measurements.Count(m => m.Instrument == "lowlatency.gc.collections"));
        Assert.Contains(measurements, m => m.Instrument == "lowlatency.ring.occupancy");
        Assert.Equal(3, measurements.Count(m => m.Instrument == "lowlatency.feed.reads"));
        Assert.Contains(measurements, m => m.Instrument == "lowlatency.reconnects" && m.Value == 0);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
            result[tag.Key] = tag.Value;
        return result;
    }
}
