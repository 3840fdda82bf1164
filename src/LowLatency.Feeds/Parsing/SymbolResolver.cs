using System.Runtime.CompilerServices;
using System.Text;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Parsing;

/// <summary>Turns a symbol's bytes into a registered <see cref="Instrument"/> for one venue, applying the unknown-symbol policy.</summary>
public sealed class SymbolResolver
{
    private readonly InstrumentRegistry _registry;
    private readonly string _exchange;
    private readonly string _market;
    private readonly InstrumentScales _defaults;
    private readonly UnknownSymbolPolicy _policy;
    private Instrument? _lastInstrument;

    /// <summary>Creates a resolver for the venue (<paramref name="exchange"/>, <paramref name="market"/>).</summary>
    public SymbolResolver(InstrumentRegistry registry, string exchange, string market, InstrumentScales defaults, UnknownSymbolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _exchange = exchange;
        _market = market;
        _defaults = defaults;
        _policy = policy;
        VenueId = registry.GetOrAddVenue(exchange, market);
    }

    /// <summary>The venue id in the registry.</summary>
    public int VenueId { get; }

    /// <summary>The registry.</summary>
    public InstrumentRegistry Registry => _registry;

    /// <summary>Finds (or, with <see cref="UnknownSymbolPolicy.Register"/>, registers) the instrument of <paramref name="symbol"/>.</summary>
    /// <returns>False for an unknown symbol under <see cref="UnknownSymbolPolicy.Reject"/> or an empty symbol.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryResolve(ReadOnlySpan<byte> symbol, out Instrument instrument)
    {
        // Streams repeat the same few symbols; comparing with the last one beats hashing.
        var last = _lastInstrument;
        if (last is not null && symbol.SequenceEqual(last.SymbolUtf8.Span))
        {
            instrument = last;
            return true;
        }
        if (_registry.TryGetId(VenueId, symbol, out var id))
        {
            instrument = _registry.Get(id);
            _lastInstrument = instrument;
            return true;
        }
        return TryRegister(symbol, out instrument);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryRegister(ReadOnlySpan<byte> symbol, out Instrument instrument)
    {
        if (_policy != UnknownSymbolPolicy.Register || symbol.IsEmpty)
        {
            instrument = null!;
            return false;
        }
        instrument = _registry.Register(new InstrumentSpec(_exchange, _market, Encoding.UTF8.GetString(symbol), _defaults.PriceScale, _defaults.QuantityScale));
        return true;
    }
}
