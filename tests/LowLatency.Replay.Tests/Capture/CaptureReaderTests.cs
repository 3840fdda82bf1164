using System.Text;
using LowLatency.Replay.Capture;

namespace LowLatency.Replay.Tests.Capture;

public sealed class CaptureReaderTests
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string S(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public void HbtCaptureReader_reads_timestamps_and_raw_messages_separated_by_space_or_tab()
    {
        using var reader = new HbtCaptureReader(Text("1723161253937085768 {\"a\":1}\n\n1723161254036059768\t{\"b\": 2}\n"), "t");
        Assert.True(reader.TryRead(out var first));
        Assert.Equal((CaptureRecordKind.Received, 1723161253937085768L, "{\"a\":1}", 1L), (first.Kind, first.TimestampNs, S(first.Body), first.LineNumber));
        Assert.True(reader.TryRead(out var second));
        Assert.Equal((1723161254036059768L, "{\"b\": 2}", 3L), (second.TimestampNs, S(second.Body), second.LineNumber));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void HbtCaptureReader_names_the_file_and_line_of_an_unreadable_line()
    {
        using var reader = new HbtCaptureReader(Text("1 {}\nnot a record\n"), "capture.txt");
        Assert.True(reader.TryRead(out _));
        var error = Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
        Assert.Equal(2, error.LineNumber);
        Assert.StartsWith("capture.txt:2: received 'not a record'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CryptofeedCaptureReader_reads_all_four_record_shapes()
    {
        const string capture = """
            wss://stream.binance.com:9443/stream?streams=nknusdt@depth@100ms <-> 1633998511.159679
            wss://ws.kraken.com <- 1618678132.8253062: {"event":"subscribe"}
            1633998512.0633569: {"stream":"nknusdt@depth@100ms","data":{"a": "1: 2"}}
            https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000 -> 1633998512.320639: {"lastUpdateId":499869752}
            """;
        using var reader = new CryptofeedCaptureReader(Text(capture), "t");
        var records = new List<(CaptureRecordKind, long, string, string)>();
        while (reader.TryRead(out var r))
            records.Add((r.Kind, r.TimestampNs, S(r.Url), S(r.Body)));
        Assert.Equal(
        [
            (CaptureRecordKind.Connected, 1633998511_159679000L, "wss://stream.binance.com:9443/stream?streams=nknusdt@depth@100ms", ""),
            (CaptureRecordKind.Sent, 1618678132_825306200L, "wss://ws.kraken.com", "{\"event\":\"subscribe\"}"),
            (CaptureRecordKind.Received, 1633998512_063356900L, "", "{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"a\": \"1: 2\"}}"),
            (CaptureRecordKind.RestResponse, 1633998512_320639000L, "https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000", "{\"lastUpdateId\":499869752}"),
        ], records);
    }

    [Fact]
    public void CryptofeedCaptureReader_rejects_a_line_in_another_format()
    {
        using var reader = new CryptofeedCaptureReader(Text("1723161253937085768 {}\n"), "t");
        Assert.Throws<CaptureFormatException>(() => reader.TryRead(out _));
    }

    [Fact]
    public void LinesCaptureReader_returns_each_non_empty_line_as_a_received_message()
    {
        using var reader = new LinesCaptureReader(Text("{\"a\":1}\n\n  \n{\"b\":2}"), "t");
        Assert.True(reader.TryRead(out var a));
        Assert.Equal("{\"a\":1}", S(a.Body));
        Assert.True(reader.TryRead(out var b));
        Assert.Equal(("{\"b\":2}", 0L), (S(b.Body), b.TimestampNs));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void MergedCaptureReader_interleaves_captures_by_timestamp()
    {
        var http = new CryptofeedCaptureReader(Text("https://x/depth?symbol=A -> 2.5: {\"s\":1}\nhttps://x/depth?symbol=B -> 4: {\"s\":2}\n"), "http");
        var ws = new CryptofeedCaptureReader(Text("1: {\"w\":1}\n3: {\"w\":2}\n5: {\"w\":3}\n"), "ws");
        using var merged = new MergedCaptureReader([http, ws]);
        var order = new List<string>();
        while (merged.TryRead(out var r))
            order.Add(S(r.Body));
        Assert.Equal(["{\"w\":1}", "{\"s\":1}", "{\"w\":2}", "{\"s\":2}", "{\"w\":3}"], order);
    }

    [Theory]
    [InlineData("binance/hftbacktest/spot/btcusdt_20240808.gz", CaptureFormat.Hbt)]
    [InlineData("binance/cryptofeed/BINANCE.ws.1.0", CaptureFormat.Cryptofeed)]
    [InlineData("binance/cryptofeed/BINANCE.http.0.0", CaptureFormat.Cryptofeed)]
    [InlineData("kraken/Kraken.Net/Ticker.txt", CaptureFormat.Lines)]
    public void CaptureFile_detects_the_format_of_recorded_files(string fixture, CaptureFormat expected)
    {
        Assert.Equal(expected, CaptureFile.DetectFormat(Fixtures.Path(fixture)));
    }

    [Fact]
    public void CaptureFile_streams_a_gzip_hftbacktest_file()
    {
        using var reader = CaptureFile.Open(Fixtures.Path("binance/hftbacktest/spot/btcusdt_20240808.gz"));
        var count = 0;
        long first = 0;
        while (reader.TryRead(out var record))
        {
            if (count++ == 0)
                first = record.TimestampNs;
        }
        Assert.Equal(41249, count);
        Assert.Equal(1723161253937085768, first);
    }

    [Fact]
    public void CaptureFile_finds_the_http_companions_of_a_cryptofeed_websocket_capture()
    {
        var companions = CaptureFile.CryptofeedCompanions(Fixtures.Path("binance/cryptofeed/BINANCE.ws.1.0"));
        Assert.Equal([Fixtures.Path("binance/cryptofeed/BINANCE.http.0.0")], companions.Select(Path.GetFullPath));
    }

    [Fact]
    public void CaptureFile_reads_every_REST_response_of_a_cryptofeed_http_capture()
    {
        using var reader = CaptureFile.Open(Fixtures.Path("binance/cryptofeed/BINANCE_DELIVERY.http.0.0"));
        var responses = 0;
        while (reader.TryRead(out var record))
        {
            Assert.Equal(CaptureRecordKind.RestResponse, record.Kind);
            Assert.StartsWith("https://dapi.binance.com/dapi/v1/depth?symbol=", S(record.Url), StringComparison.Ordinal);
            responses++;
        }
        Assert.Equal(10, responses);
    }
}
