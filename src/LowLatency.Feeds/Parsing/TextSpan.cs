using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>Where a JSON value's text sits in the message: offset and length, no copy.</summary>
/// <remarks>
/// Parsers make one pass over a message recording where values are, and convert them once the
/// whole message is known (a symbol may come after the levels whose scale it decides; the
/// checksum needs the text as sent).
/// </remarks>
/// <param name="Start">Offset of the first byte in the message.</param>
/// <param name="Length">Length in bytes; a missing value has length -1.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>A value that was not in the message.</summary>
    public static TextSpan Missing => new(0, -1);

    /// <summary>True when the message had the value.</summary>
    public bool IsPresent => Length >= 0;

    /// <summary>The value's bytes within <paramref name="message"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> message) => message.Slice(Start, Length);

    /// <summary>
    /// Captures the current string or number token of <paramref name="reader"/> (which must read
    /// a contiguous span). Escaped strings are refused: no exchange escapes numbers or symbols,
    /// and unescaping would need a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCapture(ref Utf8JsonReader reader, out TextSpan text)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                text = new TextSpan((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                return true;
            case JsonTokenType.Number:
                text = new TextSpan((int)reader.TokenStartIndex, reader.ValueSpan.Length);
                return true;
            default:
                text = Missing;
                return false;
        }
    }
}
