namespace LowLatency.WebSockets.Compression;

/// <summary>The permessage-deflate parameters agreed in the handshake (RFC 7692 §7.1).</summary>
/// <param name="ServerNoContextTakeover">The server resets its compression context after each message.</param>
/// <param name="ClientNoContextTakeover">The client resets its compression context after each message.</param>
/// <param name="ServerMaxWindowBits">Window the server compresses with, 8-15 (15 when not stated).</param>
/// <param name="ClientMaxWindowBits">Window the client compresses with, 8-15 (15 when not stated).</param>
public sealed record PerMessageDeflateParameters(bool ServerNoContextTakeover, bool ClientNoContextTakeover, int ServerMaxWindowBits, int ClientMaxWindowBits)
{
    /// <summary>The extension token.</summary>
    public const string ExtensionName = "permessage-deflate";

    /// <summary>
    /// Reads a server's answer (<c>Sec-WebSocket-Extensions</c> of the 101) against what the client
    /// offered; returns null with <paramref name="error"/> set when the answer breaks RFC 7692 §7.1.
    /// </summary>
    public static PerMessageDeflateParameters? ParseResponse(string header, PerMessageDeflateOptions offered, out string? error)
    {
        List<ExtensionOffer> extensions = ExtensionOffer.ParseList(header);
        if (extensions.Count != 1 || !string.Equals(extensions[0].Name, ExtensionName, StringComparison.OrdinalIgnoreCase))
        {
            error = $"the server answered extensions '{header}' but only one '{ExtensionName}' was offered (RFC 6455 §9.1)";
            return null;
        }
        bool serverNoContext = false, clientNoContext = false;
        int serverBits = 15, clientBits = 15;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string? value) in extensions[0].Parameters)
        {
            if (!seen.Add(name))
            {
                error = $"the server repeated the permessage-deflate parameter '{name}' (RFC 7692 §7.1)";
                return null;
            }
            switch (name.ToLowerInvariant())
            {
                case "server_no_context_takeover" when value is null:
                    serverNoContext = true;
                    break;
                case "client_no_context_takeover" when value is null:
                    clientNoContext = true;
                    break;
                case "server_max_window_bits" when TryBits(value, out int s):
                    if (offered.ServerMaxWindowBits is { } asked && s > asked)
                    {
                        error = $"the server chose server_max_window_bits={s}, above the {asked} offered (RFC 7692 §7.1.2.1)";
                        return null;
                    }
                    serverBits = s;
                    break;
                case "client_max_window_bits" when TryBits(value, out int c):
                    if (offered.ClientMaxWindowBits is { } limit && c > limit)
                    {
                        error = $"the server chose client_max_window_bits={c}, above the {limit} offered (RFC 7692 §7.1.2.2)";
                        return null;
                    }
                    clientBits = c;
                    break;
                default:
                    error = $"the server answered the unknown or malformed permessage-deflate parameter '{name}{(value is null ? "" : "=" + value)}' (RFC 7692 §7.1)";
                    return null;
            }
        }
        if (offered.ServerMaxWindowBits is { } requested && !seen.Contains("server_max_window_bits"))
        {
            error = $"the server ignored the requested server_max_window_bits={requested} (RFC 7692 §7.1.2.1)";
            return null;
        }
        if (offered.ServerNoContextTakeover && !serverNoContext)
        {
            error = "the server ignored the requested server_no_context_takeover (RFC 7692 §7.1.1.1)";
            return null;
        }
        error = null;
        return new PerMessageDeflateParameters(serverNoContext, clientNoContext || offered.ClientNoContextTakeover, serverBits, clientBits);
    }

    /// <summary>
    /// Chooses the server's answer to a client's <c>Sec-WebSocket-Extensions</c>: the first
    /// permessage-deflate offer we can honour, or null (then the server answers without the extension).
    /// </summary>
    /// <remarks>
    /// Our deflater always uses a 2^15 window, so an offer asking for a smaller server window is
    /// declined rather than half-honoured. The client's own window needs nothing from us: the
    /// receive side inflates any window.
    /// </remarks>
    public static PerMessageDeflateParameters? Negotiate(string? clientOffer, out string? responseHeader)
    {
        responseHeader = null;
        if (string.IsNullOrWhiteSpace(clientOffer))
            return null;
        foreach (ExtensionOffer offer in ExtensionOffer.ParseList(clientOffer))
        {
            if (!string.Equals(offer.Name, ExtensionName, StringComparison.OrdinalIgnoreCase))
                continue;
            bool acceptable = true, serverNoContext = false, clientNoContext = false;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach ((string name, string? value) in offer.Parameters)
            {
                acceptable &= seen.Add(name);
                switch (name.ToLowerInvariant())
                {
                    case "server_no_context_takeover" when value is null:
                        serverNoContext = true;
                        break;
                    case "client_no_context_takeover" when value is null:
                        clientNoContext = true;
                        break;
                    case "server_max_window_bits":
                        acceptable &= TryBits(value, out int s) && s == 15;
                        break;
                    case "client_max_window_bits":
                        acceptable &= value is null || TryBits(value, out _);
                        break;
                    default:
                        acceptable = false;
                        break;
                }
            }
            if (!acceptable)
                continue;
            responseHeader = ExtensionName
                + (serverNoContext ? "; server_no_context_takeover" : string.Empty)
                + (clientNoContext ? "; client_no_context_takeover" : string.Empty);
            return new PerMessageDeflateParameters(serverNoContext, clientNoContext, 15, 15);
        }
        return null;
    }

    private static bool TryBits(string? value, out int bits) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out bits) && bits is >= 8 and <= 15;
}
