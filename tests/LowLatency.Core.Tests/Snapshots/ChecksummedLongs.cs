using System.Runtime.CompilerServices;

namespace LowLatency.Core.Tests.Snapshots;

/// <summary>Sixteen longs stored inline: the body of <see cref="ChecksummedPayload"/>.</summary>
[InlineArray(ChecksummedPayload.FieldCount)]
internal struct ChecksummedLongs
{
    private long _field0;
}
