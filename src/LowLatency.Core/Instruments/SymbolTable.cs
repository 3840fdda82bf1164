using System.Runtime.CompilerServices;

namespace LowLatency.Core.Instruments;

/// <summary>
/// Open-addressing hash table from (venue id, symbol UTF-8 bytes) to instrument id.
/// </summary>
/// <remarks>
/// One writer (under the registry's lock), any number of lock-free readers. A slot is filled
/// field by field and published by a release write of its id, so a reader that sees the id
/// also sees the hash, venue and bytes. Growing builds a new table that the registry
/// publishes as a whole; readers holding the old one still get correct (older) answers.
/// </remarks>
internal sealed class SymbolTable
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly Entry[] _entries;
    private readonly int _mask;

    public SymbolTable(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
            size <<= 1;
        _entries = new Entry[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>True when one more entry would push the load factor over one half.</summary>
    public bool IsFull => (Count + 1) * 2 > _entries.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int venueId, ReadOnlySpan<byte> symbol, out int instrumentId)
    {
        var hash = Hash(venueId, symbol);
        var entries = _entries;
        var index = (int)hash & _mask;
        while (true)
        {
            ref var entry = ref entries[index];
            var idPlusOne = Volatile.Read(ref entry.IdPlusOne);
            if (idPlusOne == 0)
            {
                instrumentId = -1;
                return false;
            }
            if (entry.Hash == hash && entry.VenueId == venueId && symbol.SequenceEqual(entry.Symbol))
            {
                instrumentId = idPlusOne - 1;
                return true;
            }
            index = (index + 1) & _mask;
        }
    }

    /// <summary>Adds an entry; the caller holds the registry lock and has checked <see cref="IsFull"/>.</summary>
    public void Add(int venueId, byte[] symbol, int instrumentId)
    {
        var hash = Hash(venueId, symbol);
        var index = (int)hash & _mask;
        while (Volatile.Read(ref _entries[index].IdPlusOne) != 0)
            index = (index + 1) & _mask;
        ref var entry = ref _entries[index];
        entry.Hash = hash;
        entry.VenueId = venueId;
        entry.Symbol = symbol;
        Volatile.Write(ref entry.IdPlusOne, instrumentId + 1);
        Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(int venueId, ReadOnlySpan<byte> symbol)
    {
        var hash = (FnvOffset ^ (uint)venueId) * FnvPrime;
        foreach (var b in symbol)
            hash = (hash ^ b) * FnvPrime;
        // FNV's low bits mix poorly; fold the high half in because the index uses the low bits.
        return hash ^ (hash >> 29);
    }

    private struct Entry
    {
        public ulong Hash;
        public byte[] Symbol;
        public int VenueId;
        public int IdPlusOne;
    }
}
