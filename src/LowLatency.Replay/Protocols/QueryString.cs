namespace LowLatency.Replay.Protocols;

/// <summary>Reads <c>a=1&amp;b=2</c> query strings (and form bodies) without a web framework.</summary>
internal static class QueryString
{
    /// <summary>The first value of <paramref name="name"/> (URL-decoded, <c>+</c> as space), or null.</summary>
    public static string? Get(string query, string name)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            if (key == name)
                return equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
        }
        return null;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
