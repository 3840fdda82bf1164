using LowLatency.Engine.Quality;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>One instrument on the dashboard.</summary>
/// <param name="Venue">The venue, e.g. <c>binance-spot</c>.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Bid">Best bid as the exchange would write it, or null before the first quote.</param>
/// <param name="Ask">Best ask, or null.</param>
/// <param name="State">The worst data-quality state of its channels.</param>
/// <param name="Reason">Why, for that state.</param>
/// <param name="Messages">Its messages so far.</param>
/// <param name="MessagesPerSecond">Its messages per second since the previous refresh.</param>
public sealed record DemoInstrumentRow(string Venue, string Symbol, string? Bid, string? Ask, DataQuality State, string Reason, long Messages, double MessagesPerSecond);
