using System.Text;

namespace LowLatency.WebSockets.Compression;

/// <summary>What a client offers for permessage-deflate (RFC 7692 §7.1) in <c>Sec-WebSocket-Extensions</c>.</summary>
/// <remarks>
/// Our client inflates with a persistent 2^15 window, which decodes any server window and either
/// context mode, so these options only shape the offer; it sends its own messages uncompressed
/// (allowed by RFC 7692 §6: RSV1 clear), which is what market-data subscriptions need.
/// </remarks>
public sealed record PerMessageDeflateOptions
{
    /// <summary>Offers <c>client_max_window_bits</c>: null offers it without a value (we accept any), 8-15 offers that value.</summary>
    public int? ClientMaxWindowBits { get; init; }

    /// <summary>Asks the server for a window of at most 2^N (8-15) with <c>server_max_window_bits=N</c>; null does not ask.</summary>
    public int? ServerMaxWindowBits { get; init; }

    /// <summary>Asks the server to reset its compression context after each message.</summary>
    public bool ServerNoContextTakeover { get; init; }

    /// <summary>Announces that the client resets its own context (it sends uncompressed, so this is always true in effect).</summary>
    public bool ClientNoContextTakeover { get; init; }

    /// <summary>The extension offer, e.g. <c>permessage-deflate; client_max_window_bits</c>.</summary>
    public string ToOffer()
    {
        Validate(ClientMaxWindowBits, nameof(ClientMaxWindowBits));
        Validate(ServerMaxWindowBits, nameof(ServerMaxWindowBits));
        var offer = new StringBuilder(PerMessageDeflateParameters.ExtensionName);
        offer.Append("; client_max_window_bits");
        if (ClientMaxWindowBits is { } client)
            offer.Append('=').Append(client);
        if (ServerMaxWindowBits is { } server)
            offer.Append("; server_max_window_bits=").Append(server);
        if (ServerNoContextTakeover)
            offer.Append("; server_no_context_takeover");
        if (ClientNoContextTakeover)
            offer.Append("; client_no_context_takeover");
        return offer.ToString();
    }

    private static void Validate(int? bits, string name)
    {
        if (bits is { } b && (b < 8 || b > 15))
            throw new ArgumentOutOfRangeException(name, b, "RFC 7692 §7.1.2 allows window bits from 8 to 15.");
    }
}
