using FsCheck;
using FsCheck.Fluent;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>FsCheck generators of Binance book messages: valid level arrays in every layout JSON allows, and corruptions of them.</summary>
internal static class BinanceMessageGenerators
{
    /// <summary>Things inserted or substituted into a message to corrupt it: escapes, exponents, signs, extra level entries, bad bytes.</summary>
    private static readonly string[] Snippets =
    [
        "\\", "\\u0030", "\\\"", "e5", "E-2", "e+1", "-", "+", "0", "00", ".", ",", ":", "[", "]", "{", "}", "\"",
        " ", "\t", "\u00e9", "\u0001", "\u007f", ",[\"x\"]", ",{\"k\":1}", ",1", ",null", ",\"0.1\"", "/*c*/", "true", "null", "1.5",
    ];

    private static readonly Gen<string> Whitespace =
        Gen.Frequency((6, Gen.Constant("")), (1, Gen.Elements(" ", "\n", "\t", "\r\n", "  \t ")));

    /// <summary>Decimal text as Binance writes it, sometimes longer than the scanner takes (more than 19 digits).</summary>
    private static readonly Gen<string> Number =
        from whole in Gen.Frequency((9, Digits(1, 7)), (1, Digits(8, 22)))
        from fraction in Gen.Frequency((2, Gen.Constant("")), (7, Digits(1, 9)), (1, Digits(10, 20)))
        select fraction.Length == 0 ? whole : whole + "." + fraction;

    private static readonly Gen<(string Json, bool Scannable)> Level =
        from space in Gen.ArrayOf(Whitespace, 4)
        from price in Number
        from quantity in Number
        select ($"[{space[0]}\"{price}\"{space[1]},{space[2]}\"{quantity}\"{space[3]}]", Scannable(price) && Scannable(quantity));

    private static readonly Gen<(string Json, bool Scannable)> Levels =
        from levels in Gen.ListOf(Level)
        from space in Gen.ArrayOf(Whitespace, 3)
        select ("[" + space[0] + string.Join(space[1] + "," + space[2], levels.Select(l => l.Json)) + space[1] + "]", levels.All(l => l.Scannable));

    /// <summary>
    /// A valid depth update or depth snapshot (optionally in a combined-stream envelope) and
    /// whether the scanner must accept it (every number of at most 19 digits).
    /// </summary>
    public static readonly Gen<(string Json, bool Scannable)> BookMessage =
        from bids in Levels
        from asks in Levels
        from space in Gen.ArrayOf(Whitespace, 8)
        from snapshot in Gen.Elements(false, true)
        from envelope in Gen.Elements(false, true)
        select (Wrap(snapshot
            ? $"{space[0]}{{{space[1]}\"lastUpdateId\"{space[2]}:{space[3]}50093239218,\"bids\":{space[4]}{bids.Json},\"asks\"{space[5]}:{asks.Json}{space[6]}}}{space[7]}"
            : $"{space[0]}{{{space[1]}\"e\":\"depthUpdate\",\"E\":1723161256299,{space[2]}\"s\"{space[3]}:{space[4]}\"BTCUSDT\",\"U\":5123107832006,\"u\":5123107837557,\"pu\":5123107831937,\"b\"{space[5]}:{space[6]}{bids.Json},\"a\":{asks.Json}{space[7]}}}",
            envelope && !snapshot), bids.Scannable && asks.Scannable);

    /// <summary>
    /// A trade, aggregate trade or best bid/offer (spot without <c>"e"</c>, futures with it) whose
    /// numbers are plain decimals or other strings the text parser reads or rejects.
    /// </summary>
    public static readonly Gen<string> TickerOrTradeMessage =
        from numbers in Gen.ArrayOf(Gen.Frequency((6, Number), (1, Gen.Elements("1e5", "1.5E-3", "-1.5", "+1", "", ".5", "5.", "abc", "0x10", "1 "))), 4)
        from kind in Gen.Choose(0, 3)
        from space in Whitespace
        select kind switch
        {
            0 => $"{{\"e\":\"trade\",\"E\":1723161256322,\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":{space}\"{numbers[0]}\",\"q\":\"{numbers[1]}\",\"X\":\"MARKET\",\"m\":false}}",
            1 => $"{{\"e\":\"aggTrade\",\"E\":1633998523963,\"s\":\"BTCUSDT\",\"a\":15683430,\"p\":\"{numbers[0]}\",\"q\":\"{numbers[1]}\",\"f\":19862790,\"l\":19862790,\"T\":1633998523963,\"m\":true,\"M\":true}}",
            2 => $"{{\"u\":50093239212,\"s\":\"BTCUSDT\",\"b\":\"{numbers[0]}\",\"B\":\"{numbers[1]}\",{space}\"a\":\"{numbers[2]}\",\"A\":\"{numbers[3]}\"}}",
            _ => Wrap($"{{\"e\":\"bookTicker\",\"u\":5123107839020,\"s\":\"BTCUSDT\",\"b\":\"{numbers[0]}\",\"B\":\"{numbers[1]}\",\"a\":\"{numbers[2]}\",\"A\":\"{numbers[3]}\",\"T\":1723161256313,\"E\":1723161256313}}", true),
        };

    /// <summary>A valid book message with one corruption: truncated, a byte replaced, or a snippet inserted or substituted.</summary>
    public static readonly Gen<byte[]> CorruptedBookMessage =
        from message in BookMessage
        let bytes = System.Text.Encoding.UTF8.GetBytes(message.Json)
        from position in Gen.Choose(0, bytes.Length - 1)
        from kind in Gen.Choose(0, 3)
        from value in Gen.Choose(0, 255)
        from snippet in Gen.Elements(Snippets)
        select Corrupt(bytes, position, kind, (byte)value, System.Text.Encoding.UTF8.GetBytes(snippet));

    /// <summary>The scale pairs instruments are registered with (0..18 decimal places each).</summary>
    public static readonly Gen<(int Price, int Quantity)> Scales =
        from price in Gen.Choose(0, 18)
        from quantity in Gen.Choose(0, 18)
        select (price, quantity);

    private static Gen<string> Digits(int min, int max) =>
        from count in Gen.Choose(min, max)
        from digits in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), count)
        select new string(digits);

    private static bool Scannable(string number) => number.Count(char.IsAsciiDigit) <= 19;

    // The envelope is unwrapped only in its fixed layout, with "data" followed straight by the object.
    private static string Wrap(string json, bool envelope) =>
        envelope ? "{\"stream\":\"btcusdt@depth@0ms\",\"data\":" + json.TrimStart() + "}" : json;

    private static byte[] Corrupt(byte[] bytes, int position, int kind, byte value, byte[] snippet) => kind switch
    {
        0 => bytes[..position],
        1 => [.. bytes[..position], value, .. bytes[(position + 1)..]],
        2 => [.. bytes[..position], .. snippet, .. bytes[position..]],
        _ => [.. bytes[..position], .. snippet, .. bytes[(position + 1)..]],
    };
}
