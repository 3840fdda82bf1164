using System.Collections.Concurrent;
using LowLatency.Core.Instruments;
using LowLatency.Engine.Options;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Venues;

/// <summary>The venues the engine uses, created on first use, and the instruments it subscribes.</summary>
/// <remarks>
/// Instruments are registered with the scales given to the builder, or the venue's defaults. The
/// book rules of every venue are kept in an array indexed by venue id, so the cache consumer finds
/// a new book's rules without a lock or a lookup by name.
/// </remarks>
internal sealed class VenueCatalog : IAsyncDisposable
{
    private readonly EngineOptions _options;
    private readonly InstrumentRegistry _instruments;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<ExchangeVenue>> _venues = new(StringComparer.OrdinalIgnoreCase);
    private BookRules?[] _rulesByVenue = new BookRules?[8];
    private readonly Lock _rulesGate = new();

    public VenueCatalog(EngineOptions options, InstrumentRegistry instruments, ILogger logger)
    {
        _options = options;
        _instruments = instruments;
        _logger = logger;
    }

    /// <summary>The venues created so far.</summary>
    public IReadOnlyList<ExchangeVenue> Created => [.. _venues.Values.Where(v => v.IsValueCreated).Select(v => v.Value)];

    /// <summary>The venue called <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public ExchangeVenue Get(string name)
    {
        var definition = ExchangeCatalog.Get(name);
        var venue = _venues.GetOrAdd(definition.Name, _ => new Lazy<ExchangeVenue>(() => Create(definition))).Value;
        return venue;
    }

    /// <summary>The venue of <paramref name="instrument"/>, if it was created.</summary>
    public ExchangeVenue? Of(Instrument instrument)
    {
        foreach (var lazy in _venues.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.VenueId == instrument.VenueId)
                return lazy.Value;
        }
        return null;
    }

    /// <summary>The instrument <paramref name="symbol"/> of <paramref name="venue"/>, registered with its scales when new.</summary>
    /// <exception cref="InvalidOperationException">Its id does not fit the caches.</exception>
    public Instrument Resolve(ExchangeVenue venue, string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var definition = venue.Definition;
        if (!_instruments.TryGet(definition.Exchange, definition.Market, symbol, out var instrument))
        {
            var scales = definition.DefaultScales;
            instrument = _instruments.Register(new InstrumentSpec(definition.Exchange, definition.Market, symbol, scales.PriceScale, scales.QuantityScale));
        }
        if (instrument.Id >= _options.InstrumentCapacity)
        {
            throw new InvalidOperationException(
                $"Instrument {instrument} has id {instrument.Id}; the caches hold ids below {_options.InstrumentCapacity}: raise EngineOptions.InstrumentCapacity.");
        }
        return instrument;
    }

    /// <summary>Book rules of an instrument (cache consumer thread, on a book's first event).</summary>
    public BookRules? RulesFor(Instrument instrument)
    {
        var rules = Volatile.Read(ref _rulesByVenue);
        return (uint)instrument.VenueId < (uint)rules.Length ? rules[instrument.VenueId] : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var venue in Created)
            await venue.DisposeAsync().ConfigureAwait(false);
    }

    private ExchangeVenue Create(IExchangeDefinition definition)
    {
        var options = _options.Exchanges.TryGetValue(definition.Name, out var configured) ? configured.Clone() : new ExchangeOptions();
        var venue = new ExchangeVenue(definition, options, _instruments, _options.BookBufferEvents, _logger);
        lock (_rulesGate)
        {
            var rules = _rulesByVenue;
            if (venue.VenueId >= rules.Length)
                Array.Resize(ref rules, Math.Max(venue.VenueId + 1, rules.Length * 2));
            else
                rules = (BookRules?[])rules.Clone();
            rules[venue.VenueId] = venue.BookRules;
            Volatile.Write(ref _rulesByVenue, rules);
        }
        return venue;
    }
}
