using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Replay.Capture;

namespace LowLatency.Replay.Tests.Capture;

public sealed class LineReaderTests
{
    private static List<string> ReadAll(Stream stream, int bufferSize = 16)
    {
        using var reader = new LineReader(stream, bufferSize);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
            lines.Add(Encoding.UTF8.GetString(line.Span));
        return lines;
    }

    [Fact]
    public void LineReader_trims_CRLF_and_returns_a_last_line_without_newline()
    {
        var lines = ReadAll(new MemoryStream("a\r\nbb\n\nccc"u8.ToArray()));
        Assert.Equal(["a", "bb", "", "ccc"], lines);
    }

    [Fact]
    public void LineReader_grows_for_lines_longer_than_its_buffer()
    {
        var longLine = new string('x', 10_000);
        Assert.Equal([longLine, "y"], ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(longLine + "\ny\n")), bufferSize: 16));
    }

    [Fact]
    public void Every_split_of_a_capture_stream_reads_the_same_lines()
    {
        var text = File.ReadAllText(Fixtures.Path("binance/cryptofeed/BINANCE.ws.1.0"))[..20_000];
        var data = Encoding.UTF8.GetBytes(text);
        var expected = ReadAll(new MemoryStream(data), 1 << 16);
        var chunks = Gen.ArrayOf(Gen.Choose(1, 700)).ToArbitrary();
        Prop.ForAll(chunks, sizes => ReadAll(new ChunkedStream(data, sizes)).SequenceEqual(expected))
            .QuickCheckThrowOnFailure();
    }
}
