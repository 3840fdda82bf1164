using System.Globalization;
using System.Text;

namespace LowLatency.Rest.Buffers;

/// <summary>
/// Builds a percent-encoded query string or form body (<c>a=1&amp;b=x%20y</c>) in a pooled
/// <see cref="StringBuilder"/>; <see cref="Dispose"/> returns the builder to the pool.
/// </summary>
/// <remarks>
/// Values are encoded per RFC 3986 §2.3: only unreserved characters stay as they are, everything
/// else becomes UTF-8 percent-escapes with upper-case hex. Exchanges sign the exact bytes sent, so
/// the encoding is done once here and the signers sign the result as it is.
/// </remarks>
public ref struct QueryStringBuilder
{
    private StringBuilder? _builder;

    /// <summary>Rents a builder from <see cref="RestBuffers.StringBuilders"/>.</summary>
    /// <returns>An empty query builder; dispose it when done.</returns>
    public static QueryStringBuilder Rent() => new() { _builder = RestBuffers.StringBuilders.Get() };

    /// <summary>Appends <c>name=value</c>, percent-encoding both.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The parameter value.</param>
    public void Add(string name, string value)
    {
        StringBuilder builder = Separator();
        AppendEncoded(builder, name);
        builder.Append('=');
        AppendEncoded(builder, value);
    }

    /// <summary>Appends <c>name=value</c> for an integer value.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, written in invariant culture.</param>
    public void Add(string name, long value)
    {
        StringBuilder builder = Separator();
        AppendEncoded(builder, name);
        builder.Append('=').Append(value);
    }

    /// <summary>Appends <c>name=value</c> for a decimal value, written exactly as given (no exponent).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, written in invariant culture.</param>
    public void Add(string name, decimal value)
    {
        StringBuilder builder = Separator();
        AppendEncoded(builder, name);
        builder.Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The query built so far.</summary>
    /// <returns>The encoded query, without a leading '?'.</returns>
    public override readonly string ToString() => _builder?.ToString() ?? string.Empty;

    /// <summary>Returns the builder to the pool; the query must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_builder is { } builder)
        {
            _builder = null;
            RestBuffers.StringBuilders.Return(builder);
        }
    }

    /// <summary>Appends <paramref name="value"/> percent-encoded per RFC 3986 §2.3.</summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="value">The text to encode.</param>
    public static void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsUnreserved(c))
            {
                builder.Append(c);
                continue;
            }

            int length;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                length = new Rune(c, value[i + 1]).EncodeToUtf8(utf8);
                i++;
            }
            else
            {
                Rune rune = Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
                length = rune.EncodeToUtf8(utf8);
            }

            for (int b = 0; b < length; b++)
            {
                builder.Append('%').Append(HexUpper[utf8[b] >> 4]).Append(HexUpper[utf8[b] & 0xF]);
            }
        }
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private readonly StringBuilder Separator()
    {
        StringBuilder builder = _builder ?? throw new ObjectDisposedException(nameof(QueryStringBuilder), "Rent a QueryStringBuilder with QueryStringBuilder.Rent() and do not use it after Dispose.");
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        return builder;
    }
}
