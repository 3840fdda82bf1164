using System.Runtime.InteropServices;
using LowLatency.Core.Instruments;
using LowLatency.Feeds.Binance;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>
/// Two Binance parsers over twin registries: one with the scanner, one with the general reader
/// only (the reference), and the check that they agree on a message bit for bit.
/// </summary>
internal sealed class BinanceTwinParsers
{
    private readonly InstrumentRegistry _scanningRegistry = new();
    private readonly InstrumentRegistry _generalRegistry = new();
    private readonly BinanceParser _scanning;
    private readonly BinanceParser _general;

    public BinanceTwinParsers(string market, ParserOptions options, InstrumentSpec? registered = null)
    {
        if (registered is not null)
        {
            _scanningRegistry.Register(registered);
            _generalRegistry.Register(registered);
        }
        _scanning = new BinanceParser(new SymbolResolver(_scanningRegistry, "binance", market, BinanceVenue.DefaultScales, options.UnknownSymbols), scan: true);
        _general = new BinanceParser(new SymbolResolver(_generalRegistry, "binance", market, BinanceVenue.DefaultScales, options.UnknownSymbols), scan: false);
    }

    /// <summary>The scanning parser's outcome.</summary>
    public (ParseResult Result, List<MarketEvent> Events) Scanning(byte[] message, byte[]? url = null) => Run(_scanning, message, url);

    /// <summary>The general reader's outcome.</summary>
    public (ParseResult Result, List<MarketEvent> Events) General(byte[] message, byte[]? url = null) => Run(_general, message, url);

    /// <summary>
    /// Parses <paramref name="message"/> (a REST body when <paramref name="url"/> is given) with
    /// both; null when result, events (compared as bytes) and registries agree, else what differs.
    /// </summary>
    public string? Disagreement(byte[] message, byte[]? url = null)
    {
        var (scanResult, scanEvents) = Scanning(message, url);
        var (generalResult, generalEvents) = General(message, url);
        if (scanResult != generalResult)
            return $"result {scanResult} vs {generalResult}";
        if (!MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(scanEvents)).SequenceEqual(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(generalEvents))))
            return $"events {string.Join("; ", scanEvents)} vs {string.Join("; ", generalEvents)}";
        if (scanResult.Status == ParseStatus.Error && scanEvents.Count != 0)
            return $"a rejected message wrote {scanEvents.Count} events";
        if (_scanningRegistry.Count != _generalRegistry.Count)
            return $"registries hold {_scanningRegistry.Count} vs {_generalRegistry.Count} instruments";
        return null;
    }

    private static (ParseResult, List<MarketEvent>) Run(BinanceParser parser, byte[] message, byte[]? url)
    {
        var sink = new CollectingSink();
        var result = url is null
            ? parser.Parse(message, new MessageContext(7, 0), ref sink)
            : parser.ParseRestResponse(url, message, new MessageContext(7, 0), ref sink);
        return (result, sink.Events);
    }
}
