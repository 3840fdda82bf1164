using System.Runtime.CompilerServices;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Quality;

/// <summary>The market-data channels whose freshness and quality the engine tracks, as dense indexes.</summary>
internal static class TrackedChannels
{
    /// <summary>Number of tracked channels.</summary>
    public const int Count = 5;

    /// <summary>Index of no channel (status and gap events).</summary>
    public const int None = -1;

    /// <summary>The channels, by index.</summary>
    public static readonly MarketChannels[] All =
    [
        MarketChannels.Book,
        MarketChannels.Trades,
        MarketChannels.Ticker,
        MarketChannels.BestBidOffer,
        MarketChannels.Candles,
    ];

    /// <summary>The index of a single channel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one tracked channel.</exception>
    public static int IndexOf(MarketChannels channel) => channel switch
    {
        MarketChannels.Book => 0,
        MarketChannels.Trades => 1,
        MarketChannels.Ticker => 2,
        MarketChannels.BestBidOffer => 3,
        MarketChannels.Candles => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Expected one of Book, Trades, Ticker, BestBidOffer, Candles."),
    };

    /// <summary>The channel an event belongs to, as a flag; <see cref="MarketChannels.None"/> for gaps and status events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MarketChannels ChannelOf(MarketEventKind kind) => kind switch
    {
        MarketEventKind.BookSnapshotLevel or MarketEventKind.BookDeltaLevel or MarketEventKind.BookEnd => MarketChannels.Book,
        MarketEventKind.Trade => MarketChannels.Trades,
        MarketEventKind.Ticker => MarketChannels.Ticker,
        MarketEventKind.BestBidOffer => MarketChannels.BestBidOffer,
        MarketEventKind.Candle => MarketChannels.Candles,
        _ => MarketChannels.None,
    };

    /// <summary>The index of the channel an event belongs to; <see cref="None"/> for gaps and status events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(MarketEventKind kind) => kind switch
    {
        MarketEventKind.BookSnapshotLevel or MarketEventKind.BookDeltaLevel or MarketEventKind.BookEnd => 0,
        MarketEventKind.Trade => 1,
        MarketEventKind.Ticker => 2,
        MarketEventKind.BestBidOffer => 3,
        MarketEventKind.Candle => 4,
        _ => None,
    };

    /// <summary>The single channels of <paramref name="channels"/>, tracked ones only.</summary>
    public static IEnumerable<MarketChannels> Split(MarketChannels channels) => All.Where(c => (channels & c) != 0);
}
