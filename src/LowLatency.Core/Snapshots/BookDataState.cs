namespace LowLatency.Core.Snapshots;

/// <summary>Data quality of a published book top.</summary>
public enum BookDataState : byte
{
    /// <summary>Nothing published yet.</summary>
    None = 0,

    /// <summary>In sync with the exchange: sequence continuous, checksums matching.</summary>
    Live = 1,

    /// <summary>
    /// Data was lost (sequence gap, checksum mismatch, reconnect, ring overrun); the levels are
    /// the last good ones and must not be trusted until the book is resynchronised.
    /// </summary>
    Stale = 2,
}
