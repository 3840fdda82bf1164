using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Instruments for REST parser tests, registered with the venue's names and the scales given.</summary>
public static class RestInstruments
{
    public static Instrument Of(string venue, string symbol, int priceScale, int quantityScale)
    {
        var definition = ExchangeCatalog.Get(venue);
        return new InstrumentRegistry().Register(new InstrumentSpec(definition.Exchange, definition.Market, symbol, priceScale, quantityScale));
    }

    public static byte[] Utf8(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
