using System.Diagnostics;
using System.Globalization;
using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Options;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Risk;

/// <summary>
/// Per-instrument state the pre-trade checks consult: the market as the risk consumer last saw it
/// (fed in real time by the ring), positions, limits and a kill switch.
/// </summary>
/// <remarks>
/// The market side has one writer (the risk consumer) and is read through seqlocks, so a check on
/// an order thread never waits for the feed. Positions are set by whoever tracks fills (atomic
/// writes). Checks allocate only their result.
/// </remarks>
public sealed class RiskState
{
    private readonly SeqLockArray<RiskSnapshot> _market;
    private readonly long[] _positions;
    private readonly RiskOptions _limits;
    private int _killSwitch;

    internal RiskState(int instrumentCapacity, RiskOptions limits)
    {
        _market = new SeqLockArray<RiskSnapshot>(instrumentCapacity);
        _positions = new long[instrumentCapacity];
        _limits = limits;
    }

    /// <summary>When on, every check fails with <see cref="RiskRejection.KillSwitch"/>.</summary>
    public bool KillSwitch
    {
        get => Volatile.Read(ref _killSwitch) != 0;
        set => Volatile.Write(ref _killSwitch, value ? 1 : 0);
    }

    /// <summary>The limits in force.</summary>
    public RiskOptions Limits => _limits.Clone();

    /// <summary>The market of <paramref name="instrumentId"/> as the risk consumer last saw it.</summary>
    /// <returns>False (with <c>default</c>) before its first update.</returns>
    public bool TryGetMarket(int instrumentId, out RiskSnapshot snapshot)
    {
        snapshot = _market.Read(instrumentId);
        return snapshot.Updates != 0;
    }

    /// <summary>Sets the position of <paramref name="instrument"/> in base units (positive long, negative short).</summary>
    public void SetPosition(Instrument instrument, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Volatile.Write(ref _positions[instrument.Id], ToFixed(quantity, instrument.QuantityScale));
    }

    /// <summary>The position of <paramref name="instrument"/> in base units.</summary>
    public decimal GetPosition(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return FixedPointFormatter.ToDecimal(Volatile.Read(ref _positions[instrument.Id]), instrument.QuantityScale);
    }

    /// <summary>Checks an order against the kill switch, data freshness, the price band, the order value and the position limit.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="price">The limit price.</param>
    /// <param name="quantity">The quantity in base units (positive).</param>
    public RiskCheckResult Check(Instrument instrument, Side side, decimal price, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (side is not (Side.Buy or Side.Sell))
            throw new ArgumentOutOfRangeException(nameof(side), side, "Expected Side.Buy or Side.Sell.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        if (KillSwitch)
            return new RiskCheckResult(RiskRejection.KillSwitch, "the kill switch is on");
        if (!TryGetMarket(instrument.Id, out var market))
            return new RiskCheckResult(RiskRejection.StaleData, $"no market data for {instrument} yet");
        var age = Stopwatch.GetElapsedTime(market.ReceiveTimestamp);
        if (age > _limits.MaxDataAge)
            return new RiskCheckResult(RiskRejection.StaleData, Invariant($"market data of {instrument} is {age.TotalSeconds:0.###} s old (limit {_limits.MaxDataAge.TotalSeconds:0.###} s)"));
        if (_limits.PriceBand > 0 && market.MidPriceTicks > 0)
        {
            decimal mid = FixedPointFormatter.ToDecimal(market.MidPriceTicks, instrument.PriceScale);
            decimal distance = Math.Abs(price - mid) / mid;
            if (distance > _limits.PriceBand)
                return new RiskCheckResult(RiskRejection.PriceBand, Invariant($"price {price} is {distance * 100:0.###} % from mid {mid} (band {_limits.PriceBand * 100:0.###} %)"));
        }
        decimal notional = price * quantity;
        if (_limits.MaxOrderNotional > 0 && notional > _limits.MaxOrderNotional)
            return new RiskCheckResult(RiskRejection.MaxOrderNotional, Invariant($"order value {notional} exceeds {_limits.MaxOrderNotional}"));
        decimal after = GetPosition(instrument) + (side == Side.Buy ? quantity : -quantity);
        if (_limits.MaxPosition > 0 && Math.Abs(after) > _limits.MaxPosition)
            return new RiskCheckResult(RiskRejection.MaxPosition, Invariant($"position after the order {after} exceeds ±{_limits.MaxPosition}"));
        return new RiskCheckResult(RiskRejection.None, Invariant($"value {notional}, position after {after}"));
    }

    /// <summary>Records the market of an instrument (risk consumer thread only).</summary>
    internal void Update(int instrumentId, in TickerSnapshot ticker)
    {
        using var scope = _market.BeginWrite(instrumentId);
        ref var market = ref scope.Value;
        market.BidPriceTicks = ticker.BidPriceTicks;
        market.AskPriceTicks = ticker.AskPriceTicks;
        market.MidPriceTicks = ticker.BidPriceTicks > 0 && ticker.AskPriceTicks > 0 ? (ticker.BidPriceTicks + ticker.AskPriceTicks) / 2 : 0;
        market.LastPriceTicks = ticker.LastPriceTicks;
        market.ReceiveTimestamp = ticker.ReceiveTimestamp;
        market.Updates++;
    }

    private static long ToFixed(decimal value, int scale)
    {
        decimal scaled = value;
        for (int i = 0; i < scale; i++)
            scaled *= 10m;
        return (long)Math.Round(scaled, MidpointRounding.ToEven);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
