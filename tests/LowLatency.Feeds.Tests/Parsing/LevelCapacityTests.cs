using LowLatency.Core.Instruments;
using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Tests.Parsing;

/// <summary>A parser made with room for a message's levels parses it without growing a buffer.</summary>
public sealed class LevelCapacityTests
{
    [Fact]
    public void Level_capacity_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParserOptions.Default with { LevelCapacity = 0 });
        Assert.Equal(LevelTextBuffer.DefaultCapacity, ParserOptions.Default.LevelCapacity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LevelTextBuffer(0));
    }

    [Theory]
    [InlineData(1024, false)]
    [InlineData(LevelTextBuffer.DefaultCapacity, true)]
    public void A_parser_with_room_for_a_600_level_diff_parses_it_without_allocating(int levelCapacity, bool grows)
    {
        var definition = new BinanceSpotDefinition();
        var parser = definition.CreateParser(new InstrumentRegistry(), ParserOptions.Discovering with { LevelCapacity = levelCapacity });
        var small = Depth(levels: 2);
        var large = Depth(levels: 300);
        var sink = new CountingSink();
        parser.Parse(small, new MessageContext(1), ref sink);

        long allocated = ParseOnce(parser, large, ref sink);

        Assert.Equal(2 * 2 + 1 + (300 * 2) + 1, sink.Events);
        Assert.True(grows ? allocated > 0 : allocated == 0, $"{allocated} bytes");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long ParseOnce(IExchangeParser parser, byte[] message, ref CountingSink sink)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        parser.Parse(message, new MessageContext(2), ref sink);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A depthUpdate with <paramref name="levels"/> bids and as many asks.</summary>
    private static byte[] Depth(int levels)
    {
        var bids = string.Join(",", Enumerable.Range(0, levels).Select(i => $"[\"{60000 - i}.01000000\",\"0.50000000\"]"));
        var asks = string.Join(",", Enumerable.Range(0, levels).Select(i => $"[\"{60001 + i}.01000000\",\"0.50000000\"]"));
        return System.Text.Encoding.UTF8.GetBytes(
            $"{{\"stream\":\"btcusdt@depth@100ms\",\"data\":{{\"e\":\"depthUpdate\",\"E\":1723075200000,\"s\":\"BTCUSDT\",\"U\":10,\"u\":20,\"b\":[{bids}],\"a\":[{asks}]}}}}");
    }

    private struct CountingSink : IMarketEventSink
    {
        public int Events;

        public void OnEvent(in MarketEvent marketEvent) => Events++;
    }
}
