using System.Text;

namespace LowLatency.Core.Instruments;

/// <summary>A registered instrument: its integer id, where it trades, and its fixed-point scales.</summary>
/// <remarks>Immutable once registered, so any thread may hold and read it.</remarks>
public sealed class Instrument
{
    internal Instrument(int id, int venueId, InstrumentSpec spec)
    {
        Id = id;
        VenueId = venueId;
        Exchange = spec.Exchange;
        Market = spec.Market;
        Symbol = spec.Symbol;
        SymbolUtf8 = Encoding.UTF8.GetBytes(spec.Symbol);
        PriceScale = spec.PriceScale;
        QuantityScale = spec.QuantityScale;
    }

    /// <summary>Dense id (0, 1, 2 ...) used in events and as an index into per-instrument arrays.</summary>
    public int Id { get; }

    /// <summary>Id of the (exchange, market) pair, see <see cref="InstrumentRegistry.GetOrAddVenue"/>.</summary>
    public int VenueId { get; }

    /// <summary>Exchange name, e.g. <c>binance</c>.</summary>
    public string Exchange { get; }

    /// <summary>Market of the exchange, e.g. <c>spot</c>.</summary>
    public string Market { get; }

    /// <summary>Symbol exactly as the exchange writes it.</summary>
    public string Symbol { get; }

    /// <summary>The symbol's UTF-8 bytes (what lookups compare against).</summary>
    public ReadOnlyMemory<byte> SymbolUtf8 { get; }

    /// <summary>Decimal places of prices: a price <c>p</c> is carried as <c>p × 10^PriceScale</c>.</summary>
    public int PriceScale { get; }

    /// <summary>Decimal places of quantities: a quantity <c>q</c> is carried as <c>q × 10^QuantityScale</c>.</summary>
    public int QuantityScale { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Exchange}/{Market}/{Symbol}#{Id}";
}
