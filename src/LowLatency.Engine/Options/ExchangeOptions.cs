namespace LowLatency.Engine.Options;

/// <summary>Settings of one venue: where to connect and how deep its books are.</summary>
/// <remarks>
/// Leave the URLs null to use the exchange's public endpoints; point them at a replayer
/// (<c>ws://127.0.0.1:PORT/</c>, <c>http://127.0.0.1:PORT/</c>) to run offline exactly as
/// against the exchange. Credentials are never logged, printed or put into status reports.
/// </remarks>
public sealed class ExchangeOptions
{
    /// <summary>WebSocket base URL replacing the exchange's (its path and query are kept from the exchange's endpoint when this one has none).</summary>
    public Uri? WebSocketUrl { get; set; }

    /// <summary>REST base URL replacing the exchange's (scheme, host and port are used).</summary>
    public Uri? RestUrl { get; set; }

    /// <summary>Book depth to subscribe; 0 is the venue's default.</summary>
    public int BookDepth { get; set; }

    /// <summary>API key for private REST calls; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API secret for private REST calls; never logged.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>API passphrase (KuCoin); never logged.</summary>
    public string? ApiPassphrase { get; set; }

    /// <summary>A copy (the engine keeps its own, so later changes to this one do not leak in).</summary>
    public ExchangeOptions Clone() => (ExchangeOptions)MemberwiseClone();

    /// <inheritdoc />
    /// <remarks>Credentials appear only as present or absent.</remarks>
    public override string ToString() =>
        $"ws={WebSocketUrl?.ToString() ?? "default"} rest={RestUrl?.ToString() ?? "default"} depth={BookDepth} credentials={(ApiKey is null ? "none" : "set")}";
}
