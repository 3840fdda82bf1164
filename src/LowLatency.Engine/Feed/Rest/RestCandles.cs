using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>Reads a REST array of candle rows into candles, oldest first.</summary>
internal static class RestCandles
{
    /// <summary>The newest <paramref name="limit"/> candles of <paramref name="rows"/>, oldest first.</summary>
    /// <remarks>Exchanges without a limit parameter (Kraken, KuCoin) answer more rows than asked; the newest ones are kept.</remarks>
    /// <exception cref="FormatException">It is not an array of rows in <paramref name="layout"/>.</exception>
    public static IReadOnlyList<Candle> Read(JsonElement rows, RestCandleLayout layout, Instrument instrument, int limit)
    {
        if (rows.ValueKind != JsonValueKind.Array)
            throw new FormatException($"Received {RestJson.Shorten(rows.GetRawText())}; expected an array of candle rows.");
        var all = new JsonElement[rows.GetArrayLength()];
        int count = 0;
        foreach (var row in rows.EnumerateArray())
            all[count++] = row;
        int take = Math.Min(limit, count);
        int newest = layout.NewestFirst ? 0 : count - 1;
        var candles = new Candle[take];
        for (int i = 0; i < take; i++)
        {
            int index = layout.NewestFirst ? take - 1 - i : count - take + i;
            candles[i] = FromRow(all[index], layout, instrument, isNewest: index == newest);
        }
        return candles;
    }

    private static Candle FromRow(JsonElement row, RestCandleLayout layout, Instrument instrument, bool isNewest)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < layout.Columns)
            throw new FormatException($"Received candle {RestJson.Shorten(row.GetRawText())}; expected an array of at least {layout.Columns} values.");
        int price = instrument.PriceScale;
        bool closed = layout.Confirmed >= 0 ? RestJson.Text(row[layout.Confirmed]) == "1" : !isNewest;
        return new Candle(
            RestJson.Int64(row[0]) * layout.NanosPerTimeUnit,
            RestJson.FixedPoint(row[layout.Open], price),
            RestJson.FixedPoint(row[layout.High], price),
            RestJson.FixedPoint(row[layout.Low], price),
            RestJson.FixedPoint(row[layout.Close], price),
            RestJson.FixedPoint(row[layout.Volume], instrument.QuantityScale),
            closed);
    }
}
