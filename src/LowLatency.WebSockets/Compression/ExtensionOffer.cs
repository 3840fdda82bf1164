namespace LowLatency.WebSockets.Compression;

/// <summary>One extension of a <c>Sec-WebSocket-Extensions</c> list (RFC 6455 §9.1): a name and its parameters.</summary>
internal sealed record ExtensionOffer(string Name, IReadOnlyList<(string Name, string? Value)> Parameters)
{
    /// <summary>Parses <c>ext; a; b=1, other</c> (quoted values allowed) into offers, in order.</summary>
    public static List<ExtensionOffer> ParseList(string header)
    {
        var result = new List<ExtensionOffer>();
        foreach (string item in SplitOutsideQuotes(header, ','))
        {
            List<string> parts = SplitOutsideQuotes(item, ';');
            if (parts.Count == 0 || parts[0].Length == 0)
                continue;
            var parameters = new List<(string, string?)>();
            foreach (string part in parts.Skip(1))
            {
                int eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    parameters.Add((part, null));
                    continue;
                }
                string value = part[(eq + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                    value = value[1..^1];
                parameters.Add((part[..eq].Trim(), value));
            }
            result.Add(new ExtensionOffer(parts[0], parameters));
        }
        return result;
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        bool quoted = false;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '"')
                quoted = !quoted;
            if (i == text.Length || (text[i] == separator && !quoted))
            {
                string part = text[start..i].Trim();
                if (part.Length > 0)
                    parts.Add(part);
                start = i + 1;
            }
        }
        return parts;
    }
}
