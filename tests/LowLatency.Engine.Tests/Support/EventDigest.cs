using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Tests.Support;

/// <summary>An order-sensitive digest of events (FNV-1a over the fields the exchange sent).</summary>
public static class EventDigest
{
    public const ulong Seed = 14695981039346656037;

    public static ulong Next(ulong digest, in MarketEvent e)
    {
        digest = Mix(digest, (long)e.Kind);
        digest = Mix(digest, e.InstrumentId);
        digest = Mix(digest, e.Sequence);
        digest = Mix(digest, e.FirstSequence);
        digest = Mix(digest, e.Price);
        digest = Mix(digest, e.Quantity);
        digest = Mix(digest, e.AskPrice);
        digest = Mix(digest, e.AskQuantity);
        digest = Mix(digest, (long)e.Side);
        return Mix(digest, e.ExchangeTimeNs);
    }

    private static ulong Mix(ulong digest, long value)
    {
        digest ^= (ulong)value;
        return digest * 1099511628211;
    }
}
