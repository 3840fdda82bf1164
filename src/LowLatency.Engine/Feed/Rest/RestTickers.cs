using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>Reads a REST ticker object whose quote fields are named properties.</summary>
internal static class RestTickers
{
    /// <summary>The quote of <paramref name="ticker"/> in fixed point; times and sequence are left to the caller.</summary>
    /// <exception cref="FormatException">A price or quantity is missing or not a number.</exception>
    public static TickerSnapshot Read(JsonElement ticker, RestTickerFields fields, Instrument instrument, long receiveTimestamp)
    {
        int price = instrument.PriceScale, quantity = instrument.QuantityScale;
        return new TickerSnapshot
        {
            BidPriceTicks = RestJson.FixedPoint(RestJson.Required(ticker, fields.Bid), price),
            BidQuantity = RestJson.FixedPoint(RestJson.Required(ticker, fields.BidQuantity), quantity),
            AskPriceTicks = RestJson.FixedPoint(RestJson.Required(ticker, fields.Ask), price),
            AskQuantity = RestJson.FixedPoint(RestJson.Required(ticker, fields.AskQuantity), quantity),
            LastPriceTicks = RestJson.FixedPoint(RestJson.Required(ticker, fields.Last), price),
            LastQuantity = Optional(ticker, fields.LastQuantity, quantity),
            Volume24h = Optional(ticker, fields.Volume, quantity),
            ReceiveTimestamp = receiveTimestamp,
        };
    }

    private static long Optional(JsonElement ticker, string? name, int scale) =>
        name is not null && ticker.TryGetProperty(name, out var value) ? RestJson.FixedPoint(value, scale) : 0;
}
