namespace LowLatency.WebSockets.Compression;

/// <summary>How an exchange compresses the binary payload of its messages (independently of permessage-deflate).</summary>
public enum PayloadCompression : byte
{
    /// <summary>Each payload is a gzip member (RFC 1952), as HTX sends.</summary>
    Gzip,

    /// <summary>Each payload is a complete raw deflate stream (RFC 1951), as OKX's compressed channels send.</summary>
    Deflate,

    /// <summary>Each payload is a zlib stream (RFC 1950).</summary>
    Zlib,
}
