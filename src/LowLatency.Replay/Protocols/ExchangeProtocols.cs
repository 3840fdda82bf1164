using LowLatency.Replay.Protocols.Binance;
using LowLatency.Replay.Protocols.Bybit;
using LowLatency.Replay.Protocols.Kraken;
using LowLatency.Replay.Protocols.KuCoin;
using LowLatency.Replay.Protocols.Okx;

namespace LowLatency.Replay.Protocols;

/// <summary>The exchanges the replayer speaks, by name.</summary>
internal static class ExchangeProtocols
{
    private static readonly ExchangeProtocol[] All =
    [
        new BinanceProtocol(),
        new BybitProtocol(),
        new KrakenProtocol(),
        new KuCoinProtocol(),
        new OkxProtocol(),
    ];

    /// <summary>The protocol names.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>
    /// The protocol for <paramref name="name"/>; a venue name (<c>binance-usdm</c>, <c>bybit-linear</c>)
    /// selects its exchange, since one session and REST stub serve all of an exchange's markets.
    /// </summary>
    /// <exception cref="UnknownReplayExchangeException">No such exchange.</exception>
    public static ExchangeProtocol Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var exchange = (dash < 0 ? name : name[..dash]).Trim().ToLowerInvariant();
        return All.FirstOrDefault(p => p.Name == exchange) ?? throw new UnknownReplayExchangeException(name, Names);
    }
}
