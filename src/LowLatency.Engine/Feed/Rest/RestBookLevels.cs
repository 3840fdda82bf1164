using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>Copies <c>[price, quantity, ...]</c> level arrays of a REST book answer into a book top.</summary>
internal static class RestBookLevels
{
    /// <summary>A live book top of the first <paramref name="depth"/> levels of <paramref name="bids"/> and <paramref name="asks"/>.</summary>
    /// <exception cref="FormatException">A side is not an array of price and quantity levels.</exception>
    public static BookTopSnapshot Snapshot(JsonElement bids, JsonElement asks, int depth, Instrument instrument, long updateId, long exchangeTimeNs,
        long receiveTimestamp)
    {
        var snapshot = new BookTopSnapshot
        {
            UpdateId = updateId,
            ExchangeTimeNs = exchangeTimeNs,
            ReceiveTimestamp = receiveTimestamp,
            State = BookDataState.Live,
        };
        snapshot.BidCount = Fill(bids, snapshot.Bids, depth, instrument);
        snapshot.AskCount = Fill(asks, snapshot.Asks, depth, instrument);
        return snapshot;
    }

    /// <summary>Fills <paramref name="levels"/> with the first <paramref name="depth"/> levels (best first, as the exchanges list them); returns how many.</summary>
    /// <exception cref="FormatException">A level is not an array of price and quantity.</exception>
    public static int Fill(JsonElement array, Span<BookLevel> levels, int depth, Instrument instrument)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new FormatException($"Received {RestJson.Shorten(array.GetRawText())}; expected an array of [price, quantity] levels.");
        int count = 0;
        int limit = Math.Min(depth, levels.Length);
        foreach (var level in array.EnumerateArray())
        {
            if (count == limit)
                break;
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2)
                throw new FormatException($"Received level {RestJson.Shorten(level.GetRawText())}; expected [price, quantity].");
            levels[count++] = new BookLevel(RestJson.FixedPoint(level[0], instrument.PriceScale), RestJson.FixedPoint(level[1], instrument.QuantityScale));
        }
        return count;
    }
}
