using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Books;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Compares the engine's cached book top with a reference book.</summary>
public static class BookAssert
{
    /// <summary>The cached levels are the reference side's best levels, price and quantity, up to the cache's depth.</summary>
    public static void SameLevels(OrderBookSide expected, ReadOnlySpan<LowLatency.Core.Snapshots.BookLevel> cached)
    {
        Assert.Equal(Math.Min(expected.Count, BookTopLevels.Depth), cached.Length);
        for (int depth = 0; depth < cached.Length; depth++)
        {
            Assert.Equal(expected[depth].Price, cached[depth].PriceTicks);
            Assert.Equal(expected[depth].Quantity, cached[depth].Quantity);
        }
    }
}
