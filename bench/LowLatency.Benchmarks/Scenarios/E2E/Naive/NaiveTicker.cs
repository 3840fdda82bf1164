namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>The peer's cached ticker: best bid/ask from bookTicker, last trade from trades.</summary>
public sealed record NaiveTicker(decimal BidPrice, decimal BidQuantity, decimal AskPrice, decimal AskQuantity,
    decimal LastPrice, decimal LastQuantity, long UpdateId, long TradeId);
