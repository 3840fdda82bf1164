using System.Buffers;
using System.Text;

namespace LowLatency.WebSockets.Handshake;

/// <summary>
/// The head of an HTTP/1.1 request or response (start line and header fields, RFC 9112 §2-5),
/// as the upgrade handshake needs it; the body is not part of it.
/// </summary>
public sealed class HttpHead
{
    private static readonly byte[] s_endOfHead = "\r\n\r\n"u8.ToArray();

    private HttpHead(string startLine, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        StartLine = startLine;
        Headers = headers;
    }

    /// <summary>The first line, e.g. <c>GET /ws?x=1 HTTP/1.1</c> or <c>HTTP/1.1 101 Switching Protocols</c>.</summary>
    public string StartLine { get; }

    /// <summary>Header fields in arrival order, names as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>All values of a header (case-insensitive name) joined with <c>", "</c>, as RFC 9110 §5.3 allows; null when absent.</summary>
    public string? GetHeader(string name)
    {
        string? joined = null;
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                joined = joined is null ? header.Value : joined + ", " + header.Value;
        }
        return joined;
    }

    /// <summary>True when the comma-separated header <paramref name="name"/> contains <paramref name="token"/> (case-insensitive).</summary>
    public bool HeaderContainsToken(string name, string token)
    {
        string? value = GetHeader(name);
        if (value is null)
            return false;
        foreach (string part in value.Split(','))
        {
            if (string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Parses a head from the start of <paramref name="buffer"/>; returns false when the blank line
    /// ending it has not arrived yet. <paramref name="end"/> is the first byte after the head.
    /// </summary>
    /// <exception cref="WebSocketHandshakeException">The head is longer than <see cref="WebSocketLimits.MaxHandshakeHeaderBytes"/> or malformed.</exception>
    public static bool TryParse(in ReadOnlySequence<byte> buffer, out HttpHead? head, out SequencePosition end)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headBytes, s_endOfHead, advancePastDelimiter: true))
        {
            if (buffer.Length > WebSocketLimits.MaxHandshakeHeaderBytes)
                throw new WebSocketHandshakeException($"The HTTP head exceeds {WebSocketLimits.MaxHandshakeHeaderBytes} bytes without ending in an empty line.");
            head = null;
            end = buffer.Start;
            return false;
        }
        if (headBytes.Length > WebSocketLimits.MaxHandshakeHeaderBytes)
            throw new WebSocketHandshakeException($"The HTTP head is {headBytes.Length} bytes; at most {WebSocketLimits.MaxHandshakeHeaderBytes} are accepted.");
        end = reader.Position;
        head = Parse(Encoding.Latin1.GetString(headBytes));
        return true;
    }

    private static HttpHead Parse(string text)
    {
        string[] lines = text.Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t')
                throw new WebSocketHandshakeException($"Malformed HTTP header line '{line}': expected 'Name: value' (RFC 9112 §5).");
            headers.Add(new KeyValuePair<string, string>(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new HttpHead(lines[0], headers);
    }
}
