using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace LowLatency.WebSockets.Protocol;

/// <summary>
/// Incremental UTF-8 validation for text messages whose bytes arrive in pieces (fragments, pipe
/// segments): a code point may be split anywhere, and invalid input is reported as soon as the
/// bytes seen so far cannot start a valid sequence (RFC 6455 §8.1 "fail fast").
/// </summary>
/// <remarks>
/// The bulk of each chunk goes through the vectorized <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>;
/// only the at most three bytes of a code point cut at a chunk boundary are carried over.
/// </remarks>
public struct Utf8Validator
{
    private uint _pending;
    private int _pendingCount;

    /// <summary>True when no code point is left incomplete: the message may end here.</summary>
    public readonly bool IsComplete => _pendingCount == 0;

    /// <summary>Validates a whole sequence in one go (a message that arrived in one frame).</summary>
    public static bool IsValid(in ReadOnlySequence<byte> text)
    {
        if (text.IsSingleSegment)
            return Utf8.IsValid(text.FirstSpan);
        var validator = new Utf8Validator();
        foreach (ReadOnlyMemory<byte> segment in text)
        {
            if (!validator.Append(segment.Span))
                return false;
        }
        return validator.IsComplete;
    }

    /// <summary>Feeds the next chunk; returns false as soon as the text is known to be invalid.</summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        if (_pendingCount > 0)
        {
            Span<byte> joined = stackalloc byte[4];
            for (int i = 0; i < _pendingCount; i++)
                joined[i] = (byte)(_pending >> (8 * i));
            int take = Math.Min(4 - _pendingCount, chunk.Length);
            chunk[..take].CopyTo(joined[_pendingCount..]);
            int available = _pendingCount + take;
            OperationStatus status = Rune.DecodeFromUtf8(joined[..available], out _, out int consumed);
            if (status == OperationStatus.InvalidData)
                return false;
            if (status == OperationStatus.NeedMoreData)
            {
                // The chunk was too short to finish the code point: everything is pending still.
                Remember(joined[..available]);
                return true;
            }
            chunk = chunk[(consumed - _pendingCount)..];
            _pendingCount = 0;
            _pending = 0;
        }
        if (Utf8.IsValid(chunk))
            return true;
        int tail = IncompleteTailStart(chunk);
        if (tail < 0 || !Utf8.IsValid(chunk[..tail]))
            return false;
        ReadOnlySpan<byte> rest = chunk[tail..];
        if (Rune.DecodeFromUtf8(rest, out _, out _) != OperationStatus.NeedMoreData)
            return false;
        Remember(rest);
        return true;
    }

    /// <summary>Forgets any carried-over bytes, for the next message.</summary>
    public void Reset()
    {
        _pending = 0;
        _pendingCount = 0;
    }

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        _pending = 0;
        for (int i = 0; i < bytes.Length; i++)
            _pending |= (uint)bytes[i] << (8 * i);
        _pendingCount = bytes.Length;
    }

    /// <summary>Index of a lead byte within the last three whose sequence runs past the end, or -1.</summary>
    private static int IncompleteTailStart(ReadOnlySpan<byte> chunk)
    {
        for (int back = 1; back <= 3 && back <= chunk.Length; back++)
        {
            byte b = chunk[^back];
            if ((b & 0xC0) == 0x80)
                continue;
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? chunk.Length - back : -1;
        }
        return -1;
    }
}
