using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>
/// Recorded messages broken in the ways the scanner must recognise as not its own: each gives
/// the general reader's result, whether that is an error or a value the reader still accepts.
/// </summary>
public sealed class BinanceScannerCorruptionTests
{
    // tests/fixtures/binance/hftbacktest/usdm/btcusdt_20240808.gz, line 1 (first levels), 2 and 3; spot line 8 (head).
    private const string Depth = """{"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1723161256299,"T":1723161256298,"s":"BTCUSDT","U":5123107832006,"u":5123107837557,"pu":5123107831937,"b":[["58710.20","0.014"],["61496.50","0.010"]],"a":[["61800.30","3.330"],["61804.60","0.057"]]}}""";
    private const string BookTicker = """{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":5123107839020,"s":"BTCUSDT","b":"61800.20","B":"2.507","a":"61800.30","A":"2.510","T":1723161256313,"E":1723161256313}}""";
    private const string Trade = """{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161256322,"T":1723161256322,"s":"BTCUSDT","t":5266583935,"p":"61800.30","q":"0.006","X":"MARKET","m":false}}""";
    private const string Snapshot = """{"lastUpdateId":50093239218,"bids":[["61837.63000000","3.78826000"],["61837.62000000","0.61700000"]],"asks":[["61837.64000000","1.54698000"]]}""";

    // Registered first, BTCUSDT is instrument 0: the one an anonymous snapshot is given to.
    private static BinanceTwinParsers Twins() => new("usdm", ParserOptions.Discovering, new InstrumentSpec("binance", "usdm", "BTCUSDT", 8, 8));

    [Theory]
    [InlineData(Depth)]
    [InlineData(BookTicker)]
    [InlineData(Trade)]
    [InlineData(Snapshot)]
    public void Truncation_at_every_position_gives_the_general_result(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var twins = Twins();
        for (var length = 0; length < bytes.Length; length++)
        {
            var disagreement = twins.Disagreement(bytes[..length]);
            Assert.True(disagreement is null, $"cut at {length}: {disagreement}");
        }
    }

    [Theory]
    [InlineData(Depth)]
    [InlineData(BookTicker)]
    [InlineData(Trade)]
    [InlineData(Snapshot)]
    public void Every_byte_replaced_by_a_JSON_significant_byte_gives_the_general_result(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var twins = Twins();
        foreach (var replacement in "\"\\,:[]{}0-.e \u0001x"u8.ToArray())
        {
            for (var at = 0; at < bytes.Length; at++)
            {
                var corrupted = (byte[])bytes.Clone();
                corrupted[at] = replacement;
                var disagreement = twins.Disagreement(corrupted);
                Assert.True(disagreement is null, $"'{(char)replacement}' at {at}: {disagreement}");
            }
        }
    }

    [Theory]
    [InlineData(Depth, "\"BTCUSDT\"", "\"BTC\\u0055SDT\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\"58710.2\\u0030\"", ParseStatus.Error)]
    [InlineData(Depth, "\"b\":", "\"\\u0062\":", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "\"5.871020e4\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "\"-58710.20\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "\"+58710.20\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\"058710.20\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "\"58710.\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\".20\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\"\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\"58710.200000000000000000000\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "\"58710.20000000001\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "\"99999999999999999999\"", ParseStatus.Error)]
    [InlineData(Depth, "\"58710.20\"", "58710.20", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "5.871020E4", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "-0", ParseStatus.Ok)]
    [InlineData(Depth, "\"58710.20\"", "058710", ParseStatus.Error)]
    [InlineData(Depth, "\"0.014\"]", "\"0.014\",[]]", ParseStatus.Ok)]
    [InlineData(Depth, "\"0.014\"]", "\"0.014\",{\"x\":[1]}]", ParseStatus.Ok)]
    [InlineData(Depth, "\"0.014\"]", "\"0.014\",\"1\"]", ParseStatus.Ok)]
    [InlineData(Depth, "\"0.014\"]", "]", ParseStatus.Error)]
    [InlineData(Depth, "\"0.014\"]", "\"0.014\",]", ParseStatus.Error)]
    [InlineData(Depth, "[\"58710.20\",\"0.014\"],", "", ParseStatus.Ok)]
    [InlineData(Depth, "[[\"61800.30\",\"3.330\"],[\"61804.60\",\"0.057\"]]", "[]", ParseStatus.Ok)]
    [InlineData(Depth, "[[\"61800.30\",\"3.330\"],[\"61804.60\",\"0.057\"]]", "[],\"a\":[[\"1\",\"2\"]]", ParseStatus.Ok)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":05123107832006", ParseStatus.Error)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":-5123107832006", ParseStatus.Ok)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":5123107832006.0", ParseStatus.Error)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":5123107832006e0", ParseStatus.Error)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":\"5123107832006\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":9223372036854775808", ParseStatus.Error)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":922337203685477580", ParseStatus.Ok)]
    [InlineData(Depth, "\"U\":5123107832006", "\"U\":null", ParseStatus.Error)]
    [InlineData(Depth, "\"U\":5123107832006,", "", ParseStatus.Error)]
    [InlineData(Depth, "\"T\":1723161256298", "\"T\":{\"x\":1}", ParseStatus.Error)]
    [InlineData(Depth, "\"T\":1723161256298", "\"X\":{\"x\":1}", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":[1,{\"y\":null}]", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":1.5e3", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":\"caf\u00e9\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":\"tab\tinside\"", ParseStatus.Error)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":tru", ParseStatus.Error)]
    [InlineData(Depth, "\"T\":1723161256298", "\"x\":truex", ParseStatus.Error)]
    [InlineData(Depth, "\"T\":1723161256298", "\"s\":\"ETHUSDT\"", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"data\":{\"E\":1}", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"k\":{\"t\":1}", ParseStatus.Ok)]
    [InlineData(Depth, "\"T\":1723161256298", "\"result\":null", ParseStatus.Ok)]
    [InlineData(Depth, "}}", "}} ", ParseStatus.Ok)]
    [InlineData(Depth, "}}", "} }", ParseStatus.Ok)]
    [InlineData(Depth, "}}", "}}x", ParseStatus.Error)]
    [InlineData(Depth, "}}", "},}", ParseStatus.Error)]
    [InlineData(Depth, "}}", "}}/**/", ParseStatus.Error)]
    [InlineData(Trade, "\"m\":false", "\"m\":0", ParseStatus.Error)]
    [InlineData(Trade, "\"m\":false", "\"m\":\"false\"", ParseStatus.Error)]
    [InlineData(Trade, "\"p\":\"61800.30\"", "\"p\":61800.30", ParseStatus.Ok)]
    [InlineData(Trade, "\"t\":5266583935", "\"t\":5266583935,\"t\":7", ParseStatus.Ok)]
    [InlineData(Trade, "\"q\":\"0.006\"", "\"q\":\"0.006x\"", ParseStatus.Error)]
    [InlineData(BookTicker, "\"a\":\"61800.30\"", "\"a\":15683430", ParseStatus.Error)]
    [InlineData(BookTicker, "\"a\":\"61800.30\"", "\"a\":[]", ParseStatus.Error)]
    [InlineData(BookTicker, "\"e\":\"bookTicker\",", "", ParseStatus.Ok)]
    [InlineData(Snapshot, "\"bids\":", "\"bids\":{},\"x\":", ParseStatus.Error)]
    [InlineData(Snapshot, "\"lastUpdateId\":50093239218", "\"lastUpdateId\":-1", ParseStatus.Ok)]
    public void A_corrupted_or_unusual_message_gives_the_general_result(string message, string find, string replace, ParseStatus expected)
    {
        Assert.Contains(find, message);
        var bytes = Encoding.UTF8.GetBytes(message.Replace(find, replace));
        var twins = Twins();

        Assert.Null(twins.Disagreement(bytes));
        Assert.Equal(expected, twins.General(bytes).Result.Status);
    }
}
