using System.Runtime.CompilerServices;
using System.Text;

namespace LowLatency.Core.Instruments;

/// <summary>
/// Maps (exchange, market, symbol) to dense integer ids and back, and holds each instrument's
/// fixed-point scales.
/// </summary>
/// <remarks>
/// Parsers look symbols up from the UTF-8 bytes of a message (<see cref="TryGetId"/>), so no
/// string is made on the hot path. Registration is a cold path (subscription time, instrument
/// snapshots) serialised by a lock; lookups never lock and are safe from any thread, including
/// while another thread registers.
/// </remarks>
public sealed class InstrumentRegistry
{
    private readonly Lock _gate = new();
    private readonly List<(string Exchange, string Market)> _venues = [];
    private Instrument[] _instruments = new Instrument[16];
    private int _count;
    private SymbolTable _table = new(16);

    /// <summary>Number of registered instruments; ids are 0 .. Count-1.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns the id of the (exchange, market) venue, adding it when new.</summary>
    public int GetOrAddVenue(string exchange, string market)
    {
        ArgumentException.ThrowIfNullOrEmpty(exchange);
        ArgumentException.ThrowIfNullOrEmpty(market);
        lock (_gate)
        {
            var index = _venues.IndexOf((exchange, market));
            if (index >= 0)
                return index;
            _venues.Add((exchange, market));
            return _venues.Count - 1;
        }
    }

    /// <summary>Registers an instrument, or returns the registered one when it exists with the same scales.</summary>
    /// <exception cref="InstrumentConflictException">It exists with different scales.</exception>
    /// <exception cref="ArgumentException">The spec is invalid.</exception>
    public Instrument Register(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var venueId = GetOrAddVenue(spec.Exchange, spec.Market);
        var symbol = Encoding.UTF8.GetBytes(spec.Symbol);
        lock (_gate)
        {
            if (_table.TryGet(venueId, symbol, out var existingId))
            {
                var existing = _instruments[existingId];
                if (existing.PriceScale != spec.PriceScale || existing.QuantityScale != spec.QuantityScale)
                    throw new InstrumentConflictException(existing, spec);
                return existing;
            }

            var id = _count;
            var instrument = new Instrument(id, venueId, spec);
            if (id == _instruments.Length)
            {
                var grown = new Instrument[id * 2];
                Array.Copy(_instruments, grown, id);
                Volatile.Write(ref _instruments, grown);
            }
            _instruments[id] = instrument;
            if (_table.IsFull)
            {
                var grown = new SymbolTable((id + 1) * 2);
                for (var i = 0; i < id; i++)
                    grown.Add(_instruments[i].VenueId, _instruments[i].SymbolUtf8.ToArray(), i);
                grown.Add(venueId, symbol, id);
                Volatile.Write(ref _table, grown);
            }
            else
            {
                _table.Add(venueId, symbol, id);
            }
            Volatile.Write(ref _count, id + 1);
            return instrument;
        }
    }

    /// <summary>Registers every spec (see <see cref="Register"/>); returns how many were new.</summary>
    public int RegisterAll(IEnumerable<InstrumentSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var added = 0;
        foreach (var spec in specs)
        {
            var before = Count;
            Register(spec);
            if (Count != before)
                added++;
        }
        return added;
    }

    /// <summary>Looks an instrument up by its symbol's UTF-8 bytes; no allocation, no lock.</summary>
    /// <param name="venueId">The venue from <see cref="GetOrAddVenue"/>.</param>
    /// <param name="symbolUtf8">The symbol bytes exactly as in the message.</param>
    /// <param name="instrumentId">The id, or -1 when unknown.</param>
    /// <returns>False for an unknown symbol (a typed result, not an exception, for the hot path).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetId(int venueId, ReadOnlySpan<byte> symbolUtf8, out int instrumentId) =>
        Volatile.Read(ref _table).TryGet(venueId, symbolUtf8, out instrumentId);

    /// <summary>Looks an instrument up by symbol bytes, throwing when unknown.</summary>
    /// <exception cref="UnknownInstrumentException">The symbol is not registered for the venue.</exception>
    public int GetId(int venueId, ReadOnlySpan<byte> symbolUtf8)
    {
        if (!TryGetId(venueId, symbolUtf8, out var id))
            ThrowUnknown(venueId, symbolUtf8);
        return id;
    }

    /// <summary>Looks an instrument up by names (cold path).</summary>
    public bool TryGet(string exchange, string market, string symbol, out Instrument instrument)
    {
        int venueId;
        lock (_gate)
            venueId = _venues.IndexOf((exchange, market));
        if (venueId < 0)
        {
            instrument = null!;
            return false;
        }
        // Symbols are short: encode on the stack so a lookup by name allocates nothing.
        int maxBytes = Encoding.UTF8.GetMaxByteCount(symbol.Length);
        Span<byte> utf8 = maxBytes <= 256 ? stackalloc byte[256] : new byte[maxBytes];
        int length = Encoding.UTF8.GetBytes(symbol, utf8);
        if (TryGetId(venueId, utf8[..length], out var id))
        {
            instrument = Get(id);
            return true;
        }
        instrument = null!;
        return false;
    }

    /// <summary>The instrument with id <paramref name="instrumentId"/>.</summary>
    /// <exception cref="UnknownInstrumentException">No such id.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Instrument Get(int instrumentId)
    {
        var count = Volatile.Read(ref _count);
        if ((uint)instrumentId >= (uint)count)
            ThrowUnknownId(instrumentId, count);
        return Volatile.Read(ref _instruments)[instrumentId];
    }

    /// <summary>A copy of all registered instruments, ordered by id (cold path).</summary>
    public IReadOnlyList<Instrument> Snapshot()
    {
        var count = Volatile.Read(ref _count);
        var instruments = Volatile.Read(ref _instruments);
        var copy = new Instrument[count];
        Array.Copy(instruments, copy, count);
        return copy;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowUnknown(int venueId, ReadOnlySpan<byte> symbolUtf8)
    {
        string venue;
        lock (_gate)
            venue = (uint)venueId < (uint)_venues.Count ? $"{_venues[venueId].Exchange}/{_venues[venueId].Market}" : $"venue #{venueId}";
        throw new UnknownInstrumentException(venue, symbolUtf8);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownId(int instrumentId, int count) =>
        throw new UnknownInstrumentException(instrumentId, count);
}
