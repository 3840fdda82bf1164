using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Options;

/// <summary>How old cached data may be before reads treat it as stale, per channel.</summary>
/// <remarks>
/// A channel is fresh when its own last update is younger than its threshold; heartbeats and other
/// channels prove the connection, not the channel. Trades and candles of a quiet market can go
/// silent for longer than a busy book, which is why each channel may have its own threshold.
/// </remarks>
public sealed class FreshnessOptions
{
    /// <summary>The threshold of every channel without its own; 10 s by default.</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Threshold of books; <see cref="Default"/> when null.</summary>
    public TimeSpan? Book { get; set; }

    /// <summary>Threshold of trades; <see cref="Default"/> when null.</summary>
    public TimeSpan? Trades { get; set; }

    /// <summary>Threshold of tickers; <see cref="Default"/> when null.</summary>
    public TimeSpan? Ticker { get; set; }

    /// <summary>Threshold of best-bid-offer streams; <see cref="Default"/> when null.</summary>
    public TimeSpan? BestBidOffer { get; set; }

    /// <summary>Threshold of candles; <see cref="Default"/> when null.</summary>
    public TimeSpan? Candles { get; set; }

    /// <summary>The threshold of <paramref name="channel"/> (a single channel).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not one market-data channel.</exception>
    public TimeSpan For(MarketChannels channel) => channel switch
    {
        MarketChannels.Book => Book ?? Default,
        MarketChannels.Trades => Trades ?? Default,
        MarketChannels.Ticker => Ticker ?? Default,
        MarketChannels.BestBidOffer => BestBidOffer ?? Default,
        MarketChannels.Candles => Candles ?? Default,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Expected one of Book, Trades, Ticker, BestBidOffer, Candles."),
    };

    /// <summary>Sets the threshold of <paramref name="channel"/> (a single channel).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not one market-data channel, or <paramref name="threshold"/> is not positive.</exception>
    public void Set(MarketChannels channel, TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero);
        switch (channel)
        {
            case MarketChannels.Book: Book = threshold; break;
            case MarketChannels.Trades: Trades = threshold; break;
            case MarketChannels.Ticker: Ticker = threshold; break;
            case MarketChannels.BestBidOffer: BestBidOffer = threshold; break;
            case MarketChannels.Candles: Candles = threshold; break;
            default: throw new ArgumentOutOfRangeException(nameof(channel), channel, "Expected one of Book, Trades, Ticker, BestBidOffer, Candles.");
        }
    }

    /// <summary>A copy.</summary>
    public FreshnessOptions Clone() => (FreshnessOptions)MemberwiseClone();
}
