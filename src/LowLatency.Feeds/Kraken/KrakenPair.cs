using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Kraken;

/// <summary>A pair of the <c>instrument</c> channel: its symbol and the precisions its book checksum renders with.</summary>
internal struct KrakenPair
{
    public TextSpan Symbol;
    public int PricePrecision;
    public int QuantityPrecision;
}
