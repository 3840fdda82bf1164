using LowLatency.Feeds.Checksums;

namespace LowLatency.Feeds.Tests.Checksums;

public sealed class Crc32Tests
{
    [Fact]
    public void Crc32_gives_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Crc32_can_be_computed_in_pieces()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 31)).ToArray();
        for (var split = 0; split <= data.Length; split += 37)
            Assert.Equal(Crc32.Compute(data), Crc32.Append(Crc32.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
    }

    [Fact]
    public void Crc32_matches_the_bytewise_definition_at_every_length()
    {
        var data = Enumerable.Range(0, 64).Select(i => (byte)(i * 7 + 3)).ToArray();
        for (var length = 0; length <= data.Length; length++)
            Assert.Equal(Bytewise(data.AsSpan(0, length)), Crc32.Compute(data.AsSpan(0, length)));
    }

    private static uint Bytewise(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
