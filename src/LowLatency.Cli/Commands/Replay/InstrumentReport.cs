namespace LowLatency.Cli.Commands.Replay;

/// <summary>One instrument's line of the replay report (prices and sizes as exact decimal strings).</summary>
public sealed record InstrumentReport(
    string Symbol,
    string? BestBid,
    string? BestBidQuantity,
    string? BestAsk,
    string? BestAskQuantity,
    int BidLevels,
    int AskLevels,
    string State,
    long Gaps,
    long Resyncs,
    long ChecksumOk,
    long ChecksumFailed,
    long CrossChecksCompared,
    long CrossChecksMatched);
