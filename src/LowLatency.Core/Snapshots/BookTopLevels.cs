using System.Runtime.CompilerServices;

namespace LowLatency.Core.Snapshots;

/// <summary>
/// The best <see cref="Depth"/> levels of one book side, stored inline (no array object), best
/// level first. Index it like an array or convert it to a span.
/// </summary>
[InlineArray(Depth)]
public struct BookTopLevels
{
    /// <summary>Number of levels kept per side.</summary>
    public const int Depth = 10;

    private BookLevel _level0;
}
