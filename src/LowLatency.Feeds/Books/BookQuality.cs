namespace LowLatency.Feeds.Books;

/// <summary>Data-quality state of a book.</summary>
public enum BookQuality : byte
{
    /// <summary>No snapshot applied yet.</summary>
    AwaitingSnapshot = 0,

    /// <summary>Consistent with the exchange as far as every check can tell.</summary>
    Synced,

    /// <summary>A gap, checksum mismatch, crossed book or failed cross-check was seen; a new snapshot was asked for.</summary>
    Resyncing,

    /// <summary>Data may be missing (reconnect, ring overrun, silence); a new snapshot was asked for.</summary>
    Stale,
}
