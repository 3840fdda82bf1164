using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LowLatency.Feeds.Parsing;

/// <summary>Where a JSON value's text sits in the message: offset and length, no copy.</summary>
/// <remarks>
/// Parsers make one pass over a message recording where values are, and convert them once the
/// whole message is known (a symbol may come after the levels whose scale it decides; the
/// checksum needs the text as sent). <c>default</c> is a missing value, so a struct of
/// <see cref="TextSpan"/> fields starts out all-missing with a plain zeroing.
/// </remarks>
public readonly struct TextSpan : IEquatable<TextSpan>
{
    private readonly int _lengthPlusOne;

    /// <summary>A present value of <paramref name="length"/> bytes at <paramref name="start"/>.</summary>
    public TextSpan(int start, int length)
    {
        Start = start;
        _lengthPlusOne = length + 1;
    }

    /// <summary>A value that was not in the message.</summary>
    public static TextSpan Missing => default;

    /// <summary>Offset of the first byte in the message.</summary>
    public int Start { get; }

    /// <summary>Length in bytes (-1 when missing).</summary>
    public int Length => _lengthPlusOne - 1;

    /// <summary>True when the message had the value.</summary>
    public bool IsPresent => _lengthPlusOne != 0;

    /// <summary>The value's bytes within <paramref name="message"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> message) => message.Slice(Start, _lengthPlusOne - 1);

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
                text = default;
                return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(TextSpan other) => Start == other.Start && _lengthPlusOne == other._lengthPlusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, _lengthPlusOne);

    /// <summary>Equality.</summary>
    public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsPresent ? $"[{Start}, +{Length}]" : "missing";
}
