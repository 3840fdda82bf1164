using System.Runtime.CompilerServices;

namespace LowLatency.Feeds.Checksums;

/// <summary>CRC-32 (ISO-HDLC, the zlib/PNG polynomial 0xEDB88320, reflected), as Kraken and OKX use for book checksums.</summary>
/// <remarks>
/// Slicing-by-8: eight table lookups per 8 input bytes, several times faster than the byte-wise
/// loop for the ~300 bytes a book checksum covers. Incremental: pass the previous result as
/// <c>crc</c> to continue (start from 0).
/// </remarks>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues a CRC-32 over <paramref name="data"/>; start with 0.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        crc = ~crc;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var low = Unsafe.ReadUnaligned<uint>(ref Unsafe.AsRef(in data[i]));
            var high = Unsafe.ReadUnaligned<uint>(ref Unsafe.AsRef(in data[i + 4]));
            if (!BitConverter.IsLittleEndian)
            {
                low = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(low);
                high = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(high);
            }
            low ^= crc;
            crc = table[(7 * 256) + (low & 0xFF)] ^ table[(6 * 256) + ((low >> 8) & 0xFF)] ^
                  table[(5 * 256) + ((low >> 16) & 0xFF)] ^ table[(4 * 256) + (low >> 24)] ^
                  table[(3 * 256) + (high & 0xFF)] ^ table[(2 * 256) + ((high >> 8) & 0xFF)] ^
                  table[256 + ((high >> 16) & 0xFF)] ^ table[high >> 24];
        }
        for (; i < data.Length; i++)
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }
        return table;
    }
}
