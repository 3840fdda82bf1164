using System.Collections.Concurrent;
using LowLatency.Core.Instruments;
using LowLatency.Engine.Options;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using Microsoft.Extensions.Logging;

namespace LowLatency.Engine.Venues;

/// <summary>The venues the engine uses, created on first use, and the instruments it subscribes.</summary>
/// <remarks>
/// Instruments are registered with the scales given to the builder, or the venue's defaults.
/// Created venues are also kept in an array indexed by venue id, so the cache consumer finds a new
/// book's rules, and every read of the data feed its venue, without a lock, a copy of the
/// dictionary's values or a closure: a cache hit of the data feed allocates nothing.
/// </remarks>
internal sealed class VenueCatalog : IAsyncDisposable
{
    private readonly EngineOptions _options;
    private readonly InstrumentRegistry _instruments;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<ExchangeVenue>> _venues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, IExchangeDefinition, Lazy<ExchangeVenue>> _newVenue;
    private ExchangeVenue?[] _byVenueId = new ExchangeVenue?[8];
    private readonly Lock _byIdGate = new();

    public VenueCatalog(EngineOptions options, InstrumentRegistry instruments, ILogger logger)
    {
        _options = options;
        _instruments = instruments;
        _logger = logger;
        _newVenue = (_, definition) => new Lazy<ExchangeVenue>(() => Create(definition));
    }

    /// <summary>The venues created so far.</summary>
    public IReadOnlyList<ExchangeVenue> Created => [.. _venues.Values.Where(v => v.IsValueCreated).Select(v => v.Value)];

    /// <summary>The venue called <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="UnknownExchangeException">No such venue.</exception>
    public ExchangeVenue Get(string name)
    {
        if (_venues.TryGetValue(name, out var existing))
            return existing.Value;
        var definition = ExchangeCatalog.Get(name);
        return _venues.GetOrAdd(definition.Name, _newVenue, definition).Value;
    }

    /// <summary>The venue of <paramref name="instrument"/>, if it was created.</summary>
    public ExchangeVenue? Of(Instrument instrument)
    {
        var venues = Volatile.Read(ref _byVenueId);
        return (uint)instrument.VenueId < (uint)venues.Length ? venues[instrument.VenueId] : null;
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
    public BookRules? RulesFor(Instrument instrument) => Of(instrument)?.BookRules;

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
        lock (_byIdGate)
        {
            // Copy on write: readers hold whichever array they read, never one being changed.
            var venues = _byVenueId;
            if (venue.VenueId >= venues.Length)
                Array.Resize(ref venues, Math.Max(venue.VenueId + 1, venues.Length * 2));
            else
                venues = (ExchangeVenue?[])venues.Clone();
            venues[venue.VenueId] = venue;
            Volatile.Write(ref _byVenueId, venues);
        }
        return venue;
    }
}
