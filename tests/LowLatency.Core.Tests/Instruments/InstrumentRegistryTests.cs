using System.Text;
using LowLatency.Core.Instruments;

namespace LowLatency.Core.Tests.Instruments;

public sealed class InstrumentRegistryTests
{
    private static InstrumentSpec Spec(string symbol, string market = "spot", int priceScale = 8, int quantityScale = 8) =>
        new("binance", market, symbol, priceScale, quantityScale);

    [Fact]
    public void InstrumentRegistry_finds_an_instrument_from_its_symbol_bytes()
    {
        var registry = new InstrumentRegistry();
        var btc = registry.Register(Spec("BTCUSDT"));
        registry.Register(Spec("ETHUSDT"));

        Assert.True(registry.TryGetId(btc.VenueId, "BTCUSDT"u8, out var id));
        Assert.Equal(btc.Id, id);
        Assert.Same(btc, registry.Get(id));
    }

    [Fact]
    public void InstrumentRegistry_returns_a_typed_miss_for_an_unknown_symbol()
    {
        var registry = new InstrumentRegistry();
        var btc = registry.Register(Spec("BTCUSDT"));

        Assert.False(registry.TryGetId(btc.VenueId, "BTCUSD"u8, out var id));
        Assert.Equal(-1, id);
        var error = Assert.Throws<UnknownInstrumentException>(() => registry.GetId(btc.VenueId, "DOGEUSDT"u8));
        Assert.Contains("DOGEUSDT", error.Message, StringComparison.Ordinal);
        Assert.Contains("binance/spot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstrumentRegistry_keeps_the_same_symbol_apart_per_market()
    {
        var registry = new InstrumentRegistry();
        var spot = registry.Register(Spec("BTCUSDT", "spot", 8, 8));
        var futures = registry.Register(Spec("BTCUSDT", "usdm", 2, 3));

        Assert.NotEqual(spot.Id, futures.Id);
        Assert.True(registry.TryGetId(futures.VenueId, "BTCUSDT"u8, out var id));
        Assert.Equal(futures.Id, id);
        Assert.Equal(2, registry.Get(id).PriceScale);
        Assert.True(registry.TryGet("binance", "usdm", "BTCUSDT", out var byName));
        Assert.Same(futures, byName);
    }

    [Fact]
    public void InstrumentRegistry_returns_the_registered_instrument_when_registered_again()
    {
        var registry = new InstrumentRegistry();
        var first = registry.Register(Spec("BTCUSDT"));
        Assert.Same(first, registry.Register(Spec("BTCUSDT")));
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void InstrumentRegistry_refuses_to_change_the_scales_of_an_instrument()
    {
        var registry = new InstrumentRegistry();
        registry.Register(Spec("BTCUSDT", priceScale: 8));
        var error = Assert.Throws<InstrumentConflictException>(() => registry.Register(Spec("BTCUSDT", priceScale: 2)));
        Assert.Contains("8/8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstrumentRegistry_finds_every_one_of_thousands_of_instruments()
    {
        var registry = new InstrumentRegistry();
        for (var i = 0; i < 3000; i++)
            registry.Register(Spec("SYM" + i));
        var venue = registry.GetOrAddVenue("binance", "spot");
        for (var i = 0; i < 3000; i++)
        {
            Assert.True(registry.TryGetId(venue, Encoding.UTF8.GetBytes("SYM" + i), out var id));
            Assert.Equal("SYM" + i, registry.Get(id).Symbol);
        }
    }

    [Fact]
    public void InstrumentRegistry_lookup_allocates_nothing()
    {
        var registry = new InstrumentRegistry();
        var btc = registry.Register(Spec("BTCUSDT"));
        var symbol = "BTCUSDT"u8.ToArray();
        var found = 0;
        registry.TryGetId(btc.VenueId, symbol, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            found += registry.TryGetId(btc.VenueId, symbol, out _) ? 1 : 0;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_000, found);
    }

    [Fact]
    public void InstrumentRegistry_lookups_stay_correct_while_another_thread_registers()
    {
        var registry = new InstrumentRegistry();
        var first = registry.Register(Spec("FIXED"));
        var failures = 0;
        var writer = new Thread(() =>
        {
            for (var i = 0; i < 2000; i++)
                registry.Register(Spec("NEW" + i));
        });
        writer.Start();
        for (var i = 0; i < 200_000; i++)
        {
            if (!registry.TryGetId(first.VenueId, "FIXED"u8, out var id) || id != first.Id)
                failures++;
        }
        writer.Join();
        Assert.Equal(0, failures);
        Assert.Equal(2001, registry.Count);
    }

    [Fact]
    public void InstrumentSpec_rejects_a_scale_above_18()
    {
        var registry = new InstrumentRegistry();
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Register(Spec("BTCUSDT", priceScale: 19)));
    }
}
