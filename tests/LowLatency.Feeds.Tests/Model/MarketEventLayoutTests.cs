using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Tests.Model;

public sealed class MarketEventLayoutTests
{
    [Fact]
    public void MarketEvent_is_96_bytes_and_blittable()
    {
        Assert.Equal(96, Unsafe.SizeOf<MarketEvent>());
        Assert.Equal(MarketEvent.SizeInBytes, Marshal.SizeOf<MarketEvent>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<MarketEvent>());
    }

    [Fact]
    public void MarketEvent_aliases_share_storage_with_their_fields()
    {
        var e = new MarketEvent { Open = 1, High = 2, Low = 3, Close = 4, Volume = 5, IntervalSeconds = 60, TradeId = 7 };
        Assert.Equal((1L, 2L, 3L, 4L), (e.Price, e.Quantity, e.AskPrice, e.AskQuantity));
        Assert.Equal(5, e.FirstSequence);
        Assert.Equal(60, e.PreviousSequence);
        Assert.Equal(7, e.Sequence);
    }
}
