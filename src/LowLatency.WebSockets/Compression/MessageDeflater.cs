using System.IO.Compression;

namespace LowLatency.WebSockets.Compression;

/// <summary>
/// The send side of permessage-deflate (RFC 7692 §7.2.1) for the server: raw deflate with a sync
/// flush per message, the trailing <c>00 00 FF FF</c> removed, the context kept between messages
/// unless <c>server_no_context_takeover</c> was negotiated.
/// </summary>
internal sealed class MessageDeflater : IDisposable
{
    private static readonly byte[] s_emptyMessage = [0x00];

    private readonly bool _noContextTakeover;
    private readonly MemoryStream _output = new();
    private DeflateStream _deflater;

    public MessageDeflater(bool noContextTakeover)
    {
        _noContextTakeover = noContextTakeover;
        _deflater = Create(_output);
    }

    /// <summary>Compresses one message; the result is valid until the next call.</summary>
    public ReadOnlyMemory<byte> Compress(ReadOnlySpan<byte> payload)
    {
        // RFC 7692 §7.2.3.6: an empty message compresses to the single byte 0x00 (an empty stored
        // block); DeflateStream would write nothing for it.
        if (payload.IsEmpty)
            return s_emptyMessage;
        if (_noContextTakeover)
        {
            _deflater.Dispose();
            _output.SetLength(0);
            _deflater = Create(_output);
        }
        _output.SetLength(0);
        _deflater.Write(payload);
        _deflater.Flush();
        int length = (int)_output.Length;
        // A sync flush always ends with the empty stored block 00 00 FF FF, which §7.2.1 removes.
        return _output.GetBuffer().AsMemory(0, length - 4);
    }

    /// <summary>Compresses one message on its own (no shared context), as a pre-encoded message needs.</summary>
    public static byte[] CompressStandalone(ReadOnlySpan<byte> payload)
    {
        using var deflater = new MessageDeflater(noContextTakeover: true);
        return deflater.Compress(payload).ToArray();
    }

    public void Dispose()
    {
        _deflater.Dispose();
        _output.Dispose();
    }

    private static DeflateStream Create(Stream output) => new(output, CompressionLevel.Fastest, leaveOpen: true);
}
