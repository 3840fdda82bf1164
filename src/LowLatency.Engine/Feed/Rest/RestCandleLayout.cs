namespace LowLatency.Engine.Feed.Rest;

/// <summary>How an exchange writes a candle as an array: the time unit, the column of each value and the order of the rows.</summary>
/// <param name="NanosPerTimeUnit">Nanoseconds per unit of the open time in column 0 (1,000,000 for milliseconds).</param>
/// <param name="Open">Column of the open price.</param>
/// <param name="High">Column of the high price.</param>
/// <param name="Low">Column of the low price.</param>
/// <param name="Close">Column of the close price.</param>
/// <param name="Volume">Column of the base volume.</param>
/// <param name="NewestFirst">True when the answer lists the newest candle first.</param>
/// <param name="Confirmed">Column of a <c>"1"</c>/<c>"0"</c> closed flag (OKX); -1 when the newest candle is the open one.</param>
internal sealed record RestCandleLayout(long NanosPerTimeUnit, int Open, int High, int Low, int Close, int Volume, bool NewestFirst, int Confirmed = -1)
{
    /// <summary>Columns a row must have.</summary>
    public int Columns { get; } = Math.Max(Math.Max(Math.Max(Open, High), Math.Max(Low, Close)), Math.Max(Volume, Confirmed)) + 1;
}
