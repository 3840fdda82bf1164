using LowLatency.Engine.Feed.Rest;
using LowLatency.Engine.Tests.Support;
using LowLatency.Engine.Venues;

namespace LowLatency.Engine.Tests.Feed.Rest;

/// <summary>Every exchange's error envelope, and bodies that are not the answer, are refused saying what came and what was expected.</summary>
public sealed class RestErrorEnvelopeTests
{
    public static TheoryData<string, string, string> ErrorEnvelopes => new()
    {
        { "kraken", """{"error":["EQuery:Unknown asset pair"]}""", "EQuery:Unknown asset pair" },
        { "bybit-linear", """{"retCode":10001,"retMsg":"params error: symbol invalid","result":{},"retExtInfo":{},"time":1709199771643}""", "retCode 10001 ('params error: symbol invalid')" },
        { "kucoin-spot", """{"code":"400100","msg":"symbol is not supported"}""", "code 400100 ('symbol is not supported')" },
        { "kucoin-futures", """{"code":"400100","msg":"symbol is not supported"}""", "code 400100 ('symbol is not supported')" },
        { "okx", """{"code":"51001","msg":"Instrument ID does not exist","data":[]}""", "code 51001 ('Instrument ID does not exist')" },
    };

    public static TheoryData<string> Venues => new() { "kraken", "bybit-spot", "kucoin-spot", "kucoin-futures", "okx" };

    [Theory]
    [MemberData(nameof(ErrorEnvelopes))]
    public void Error_envelope_is_a_format_exception_naming_the_error_for_ticker_book_and_candles(string venue, string body, string named)
    {
        var (rest, instrument) = Of(venue);
        var bytes = RestInstruments.Utf8(body);

        var errors = new Exception[]
        {
            Assert.Throws<FormatException>(() => rest.ParseTicker(bytes, instrument, 0)),
            Assert.Throws<FormatException>(() => rest.ParseBook(bytes, instrument, 5, 0)),
            Assert.Throws<FormatException>(() => rest.ParseCandles(bytes, instrument, 5)),
        };

        Assert.All(errors, error => Assert.Contains(named, error.Message, StringComparison.Ordinal));
        Assert.All(errors, error => Assert.Contains("expected", error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Malformed_json_is_a_format_exception(string venue)
    {
        var (rest, instrument) = Of(venue);

        var error = Assert.Throws<FormatException>(() => rest.ParseTicker("{\"code\":"u8, instrument, 0));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Html_error_page_is_a_format_exception(string venue)
    {
        var (rest, instrument) = Of(venue);

        Assert.Throws<FormatException>(() => rest.ParseBook("<html>502 Bad Gateway</html>"u8, instrument, 5, 0));
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Successful_envelope_without_the_payload_is_a_format_exception(string venue)
    {
        var (rest, instrument) = Of(venue);
        var empty = RestInstruments.Utf8(venue switch
        {
            "kraken" => """{"error":[],"result":{}}""",
            "bybit-spot" => """{"retCode":0,"retMsg":"OK","result":{"category":"spot","list":[]},"time":1}""",
            "okx" => """{"code":"0","msg":"","data":[]}""",
            _ => """{"code":"200000","data":{}}""",
        });

        Assert.Throws<FormatException>(() => rest.ParseTicker(empty, instrument, 0));
    }

    private static (IRestMarketData Parser, LowLatency.Core.Instruments.Instrument Instrument) Of(string venue) =>
        (ExchangeVenue.FallbackFor(LowLatency.Feeds.Exchanges.ExchangeCatalog.Get(venue))!, RestInstruments.Of(venue, "BTC-USDT", 2, 8));
}
