using System.Text;
using System.Text.RegularExpressions;

namespace LowLatency.Rest.Security;

/// <summary>
/// Removes secrets from text that may reach a log or an exception message: the values of
/// secret-bearing parameters (<c>signature</c>, <c>apiKey</c>, <c>passphrase</c>, ...) and every
/// literal occurrence of the lane's own credentials.
/// </summary>
/// <remarks>
/// Two layers because neither is enough alone: parameter names catch signatures the lane never
/// saw in advance, literal values catch a key an exchange echoes back in an error body under a
/// name nobody predicted.
/// </remarks>
public sealed partial class SecretRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not matched literally: they would mask ordinary text.</summary>
    private const int MinimumLiteralLength = 6;

    private readonly string[] _literals;

    /// <summary>Creates a redactor that also masks the given literal values wherever they appear.</summary>
    /// <param name="secretValues">API keys, secrets and passphrases to mask; null or short values are ignored.</param>
    public SecretRedactor(IEnumerable<string?> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        var literals = new List<string>();
        foreach (string? value in secretValues)
        {
            if (value is { Length: >= MinimumLiteralLength } && !literals.Contains(value))
            {
                literals.Add(value);
            }
        }

        // Longest first, so a secret containing another is masked whole.
        literals.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        _literals = literals.ToArray();
    }

    /// <summary>A redactor that knows no literal secrets and masks secret parameters only.</summary>
    public static SecretRedactor ParametersOnly { get; } = new([]);

    /// <summary>
    /// Masks the values of secret parameters in a query string (<c>a=1&amp;signature=ab</c> →
    /// <c>a=1&amp;signature=***</c>) and any literal secret.
    /// </summary>
    /// <param name="query">A query string without its leading '?', or null.</param>
    /// <returns>The redacted query, empty when <paramref name="query"/> is null or empty.</returns>
    public string RedactQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(query.Length);
        foreach (Range part in query.AsSpan().Split('&'))
        {
            ReadOnlySpan<char> pair = query.AsSpan(part);
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            int equals = pair.IndexOf('=');
            ReadOnlySpan<char> name = equals < 0 ? pair : pair[..equals];
            if (equals >= 0 && IsSecretName(name))
            {
                builder.Append(name).Append('=').Append(Mask);
            }
            else
            {
                builder.Append(pair);
            }
        }

        return RedactLiterals(builder.ToString());
    }

    /// <summary>
    /// Masks secret-looking assignments (<c>"apiKey":"..."</c>, <c>signature=...</c>) and every
    /// literal secret in free text such as a response body.
    /// </summary>
    /// <param name="text">The text to clean.</param>
    /// <returns>The text with secrets replaced by <see cref="Mask"/>.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string masked = SecretAssignment().Replace(text, static m => m.Groups["head"].Value + Mask);
        return RedactLiterals(masked);
    }

    /// <summary>Builds the endpoint text used in logs and errors: path, then the redacted query.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="query">The query string without '?', or null.</param>
    /// <returns><c>path</c> or <c>path?redacted-query</c>.</returns>
    public string Endpoint(string path, string? query)
    {
        string redactedPath = RedactLiterals(path);
        return string.IsNullOrEmpty(query) ? redactedPath : redactedPath + "?" + RedactQuery(query);
    }

    /// <summary>True when a parameter of this name carries a secret and its value must never be shown.</summary>
    /// <param name="name">The parameter or field name, any case.</param>
    /// <returns>Whether the value must be masked.</returns>
    public static bool IsSecretName(ReadOnlySpan<char> name)
    {
        foreach (string secret in SecretNames)
        {
            if (name.Equals(secret, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] SecretNames =
    [
        "signature", "sign", "apiKey", "api_key", "api-key", "key", "secret", "apiSecret", "api_secret",
        "passphrase", "password", "token", "listenKey", "otp",
    ];

    private string RedactLiterals(string text)
    {
        foreach (string literal in _literals)
        {
            if (text.Contains(literal, StringComparison.Ordinal))
            {
                text = text.Replace(literal, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(
        """(?<head>(?<![A-Za-z0-9_-])(?:signature|sign|api[_-]?key|api[_-]?secret|secret|passphrase|password|token|listenKey|otp)"?\s*[:=]\s*"?)[^"&,\s}]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();
}
