using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>
/// The scanner is an optimisation only: on any message, valid or corrupted, the scanning parser
/// gives the general reader's result and events, and the scanner accepts exactly what it claims to.
/// </summary>
public sealed class BinanceScannerPropertyTests
{
    private static BinanceTwinParsers Twins((int Price, int Quantity) scales) =>
        new("spot", ParserOptions.Default, new InstrumentSpec("binance", "spot", "BTCUSDT", scales.Price, scales.Quantity));

    [Fact]
    public void Random_valid_level_arrays_parse_to_the_same_events_on_both_paths()
    {
        var cases = (from message in BinanceMessageGenerators.BookMessage
                     from scales in BinanceMessageGenerators.Scales
                     select (message, scales)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var disagreement = Twins(c.scales).Disagreement(Encoding.UTF8.GetBytes(c.message.Json));
            Assert.True(disagreement is null, disagreement);
            Assert.Equal(c.message.Scannable, Scans(c.message.Json));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Random_trade_and_bookTicker_numbers_parse_to_the_same_events_on_both_paths()
    {
        var cases = (from message in BinanceMessageGenerators.TickerOrTradeMessage
                     from scales in BinanceMessageGenerators.Scales
                     select (message, scales)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var disagreement = Twins(c.scales).Disagreement(Encoding.UTF8.GetBytes(c.message));
            Assert.True(disagreement is null, disagreement);
            Assert.True(Scans(c.message), "declined " + c.message);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Random_corruptions_give_the_same_result_on_both_paths_and_no_events_when_rejected()
    {
        var cases = (from message in BinanceMessageGenerators.CorruptedBookMessage
                     from scales in BinanceMessageGenerators.Scales
                     select (message, scales)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var disagreement = Twins(c.scales).Disagreement(c.message);
            Assert.True(disagreement is null, disagreement + " for " + Encoding.UTF8.GetString(c.message));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static bool Scans(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var fields = default(BinanceMessage);
        var data = BinanceParser.TryUnwrapData(bytes, out var inner) ? inner : bytes;
        return new BinanceScanner(new LevelTextBuffer()).TryRead(data, ref fields);
    }
}
