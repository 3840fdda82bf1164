using System.Text;

namespace LowLatency.Core.Instruments;

/// <summary>Thrown by throwing lookups when a symbol or id is not registered.</summary>
public sealed class UnknownInstrumentException : KeyNotFoundException
{
    /// <summary>Creates the exception for an unknown symbol of a venue.</summary>
    public UnknownInstrumentException(string venue, ReadOnlySpan<byte> symbolUtf8)
        : base($"Received symbol '{Encoding.UTF8.GetString(symbolUtf8)}' on {venue}; expected a registered instrument of that venue.")
    {
    }

    /// <summary>Creates the exception for an unknown instrument id.</summary>
    public UnknownInstrumentException(int instrumentId, int count)
        : base($"Received instrument id {instrumentId}; expected an id between 0 and {count - 1}.")
    {
    }
}
