using FsCheck;
using FsCheck.Fluent;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.KuCoin;

public sealed class KuCoinPropertyTests
{
    private static readonly Lazy<List<RecordedMessage>> Recorded = new(() => RecordedFeed.Cryptofeed(KuCoinRecordedBookTests.Capture));

    [Fact]
    public void Every_split_of_the_capture_into_chunks_parses_to_the_same_events()
    {
        var messages = Recorded.Value;
        var registry = KuCoinRecordedBookTests.Registry();
        var whole = ParseAll(ExchangeCatalog.Get("kucoin-spot").CreateParser(registry, ParserOptions.Default), messages);
        var cuts = Gen.ListOf(Gen.Choose(1, messages.Count - 1)).Select(c => c.Distinct().Order().ToArray()).ToArbitrary();

        Prop.ForAll(cuts, cut =>
        {
            var events = new List<MarketEvent>();
            var start = 0;
            foreach (var end in cut.Append(messages.Count))
            {
                // A fresh parser per chunk: a message must not depend on what its parser read before.
                var parser = ExchangeCatalog.Get("kucoin-spot").CreateParser(registry, ParserOptions.Default);
                events.AddRange(ParseAll(parser, messages.GetRange(start, end - start)));
                start = end;
            }
            return events.SequenceEqual(whole);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void Rest_snapshots_delivered_anywhere_in_the_stream_give_the_same_books()
    {
        var messages = Recorded.Value;
        var stream = messages.Where(m => !m.IsRest).ToList();
        var snapshots = messages.Where(m => m.IsRest).ToList();
        var baseline = FinalBooks(messages);
        var positions = Gen.ArrayOf(Gen.Choose(0, stream.Count), snapshots.Count).ToArbitrary();

        Prop.ForAll(positions, at =>
        {
            var reordered = new List<RecordedMessage>(stream);
            foreach (var (snapshot, position) in snapshots.Zip(at).OrderByDescending(p => p.Second))
                reordered.Insert(position, snapshot);
            return FinalBooks(reordered).SequenceEqual(baseline);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    private static List<MarketEvent> ParseAll(IExchangeParser parser, IEnumerable<RecordedMessage> messages)
    {
        var sink = new CollectingSink();
        foreach (var message in messages)
        {
            if (message.IsRest)
                parser.ParseRestResponse(message.Url, message.Body, new MessageContext(message.TimestampNs), ref sink);
            else
                parser.Parse(message.Body, new MessageContext(message.TimestampNs), ref sink);
        }
        return sink.Events;
    }

    private static List<string> FinalBooks(IEnumerable<RecordedMessage> messages)
    {
        var processor = KuCoinRecordedBookTests.Processor();
        RecordedFeed.Replay(processor, messages);
        return KuCoinRecordedBookTests.Symbols.Select(symbol =>
        {
            var book = KuCoinRecordedBookTests.Book(processor, symbol);
            var bids = new BookLevel[book.Bids.Count];
            var asks = new BookLevel[book.Asks.Count];
            book.CopyTop(bids, asks);
            return $"{symbol} {book.Quality} {book.LastSequence} {string.Join(' ', bids)} | {string.Join(' ', asks)}";
        }).ToList();
    }
}
