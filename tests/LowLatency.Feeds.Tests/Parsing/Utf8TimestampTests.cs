using System.Text;
using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Tests.Parsing;

public sealed class Utf8TimestampTests
{
    [Theory]
    [InlineData("2023-07-30T15:29:58.343415Z", 1690730998343415000L)]
    [InlineData("2023-10-04T16:26:30.524394914Z", 1696436790524394914L)]
    [InlineData("2024-02-29T00:00:00Z", 1709164800000000000L)]
    [InlineData("1970-01-01T00:00:00.000000001Z", 1L)]
    public void Utf8Timestamp_reads_utc_times_to_the_nanosecond(string text, long expected)
    {
        Assert.True(Utf8Timestamp.TryParseRfc3339(Encoding.ASCII.GetBytes(text), out var ns));
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("2023-07-30 15:29:58Z")]
    [InlineData("2023-02-30T00:00:00Z")]
    [InlineData("2023-07-30T15:29:58.343415")]
    [InlineData("2023-07-30T15:29:58+01:00")]
    [InlineData("2023-07-30T15:29:58.Z")]
    public void Utf8Timestamp_rejects_other_forms(string text)
    {
        Assert.False(Utf8Timestamp.TryParseRfc3339(Encoding.ASCII.GetBytes(text), out _));
    }
}
