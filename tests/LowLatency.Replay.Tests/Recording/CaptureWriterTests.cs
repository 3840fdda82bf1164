using System.Text;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Recording;

namespace LowLatency.Replay.Tests.Recording;

public sealed class CaptureWriterTests
{
    private static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"capture-{Guid.NewGuid():N}", name);

    [Fact]
    public void Lines_are_unix_ns_tab_message_and_read_back_as_the_native_format()
    {
        var path = TempPath("btc.txt");
        using (var writer = new CaptureWriter(new CaptureWriterOptions { Path = path }))
        {
            writer.Write(1_723_161_253_937_085_768, "{\"a\":1}"u8);
            writer.Write(1_723_161_253_937_085_769, "[2]"u8);
        }

        Assert.Equal("1723161253937085768\t{\"a\":1}\n1723161253937085769\t[2]\n", File.ReadAllText(path));
        Assert.Equal(CaptureFormat.Hbt, CaptureFile.DetectFormat(path));
        Assert.Equal([(1_723_161_253_937_085_768L, "{\"a\":1}"), (1_723_161_253_937_085_769L, "[2]")], Read(path));
    }

    [Fact]
    public void Gzip_appends_gz_and_is_read_back_through_its_magic_bytes()
    {
        var path = TempPath("btc.txt");
        using (var writer = new CaptureWriter(new CaptureWriterOptions { Path = path, Gzip = true }))
        {
            for (var i = 0; i < 1000; i++)
                writer.Write(i, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
            Assert.Equal([path + ".gz"], writer.Files);
        }

        var lines = Read(path + ".gz");
        Assert.Equal(1000, lines.Count);
        Assert.Equal((999L, "{\"n\":999}"), lines[^1]);
    }

    [Fact]
    public void Rotation_starts_a_numbered_file_past_the_size_and_keeps_every_line_in_order()
    {
        var path = TempPath("btc.txt.gz");
        IReadOnlyList<string> files;
        using (var writer = new CaptureWriter(new CaptureWriterOptions { Path = path, Gzip = true, RotateBytes = 1000 }))
        {
            for (var i = 0; i < 300; i++)
                writer.Write(1_000_000 + i, Encoding.UTF8.GetBytes($"{{\"n\":{i:D4}}}"));
            files = writer.Files.ToArray();
        }

        // Each line is 19 bytes ("1000123\t{\"n\":0123}\n"): a file takes lines until it holds 1000 bytes, so 53 lines.
        Assert.Equal(6, files.Count);
        Assert.Equal(path, files[0]);
        Assert.EndsWith("btc.1.txt.gz", files[1]);
        Assert.EndsWith("btc.2.txt.gz", files[2]);
        var all = files.SelectMany(Read).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (1_000_000L + i, $"{{\"n\":{i:D4}}}")), all);
        Assert.Equal([53, 53, 53, 53, 53, 35], files.Select(f => Read(f).Count));
    }

    [Fact]
    public void Line_breaks_inside_a_message_are_written_as_spaces_and_counted()
    {
        var path = TempPath("pretty.txt");
        using (var writer = new CaptureWriter(new CaptureWriterOptions { Path = path }))
        {
            writer.Write(1, "{\r\n  \"a\": 1\n}"u8);
            writer.Write(2, "{}"u8);
            Assert.Equal(1, writer.MessagesRewritten);
            Assert.Equal(2, writer.MessagesWritten);
        }

        Assert.Equal([(1L, "{    \"a\": 1 }"), (2L, "{}")], Read(path));
    }

    private static List<(long Timestamp, string Message)> Read(string path)
    {
        using var reader = CaptureFile.Open(path, CaptureFormat.Hbt);
        var lines = new List<(long, string)>();
        while (reader.TryRead(out var record))
            lines.Add((record.TimestampNs, Encoding.UTF8.GetString(record.Body.Span)));
        return lines;
    }
}
