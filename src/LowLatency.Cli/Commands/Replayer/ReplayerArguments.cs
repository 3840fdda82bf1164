using System.Globalization;
using LowLatency.Replay;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Cli.Commands.Replayer;

/// <summary>The parsed arguments of <c>lowlatency replayer</c>.</summary>
/// <param name="Files">Capture files (cryptofeed HTTP companions are found automatically).</param>
/// <param name="Format">The capture format, or null to detect it.</param>
/// <param name="Exchange">The exchange whose session to speak.</param>
/// <param name="Options">Port, speed, loop, start offset, end behaviour and faults.</param>
internal sealed record ReplayerArguments(IReadOnlyList<string> Files, CaptureFormat? Format, string Exchange, ReplayerOptions Options)
{
    /// <summary>Parses the arguments after the verb; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static ReplayerArguments? Parse(string[] args, out string? error)
    {
        var files = new List<string>();
        CaptureFormat? format = null;
        string? exchange = null;
        var options = new ReplayerOptions();
        var faults = new List<FaultSpec>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var hasValue = i + 1 < args.Length;
            switch (arg)
            {
                case "--file" when hasValue:
                    files.Add(args[++i]);
                    break;
                case "--format" when hasValue:
                    format = args[++i].ToLowerInvariant() switch
                    {
                        "hbt" or "native" or "hftbacktest" => CaptureFormat.Hbt,
                        "cryptofeed" => CaptureFormat.Cryptofeed,
                        "lines" => CaptureFormat.Lines,
                        _ => null,
                    };
                    if (format is null)
                        return Fail($"--format expects hbt, native, cryptofeed or lines, got '{args[i]}'", out error);
                    break;
                case "--exchange" when hasValue:
                    exchange = args[++i];
                    if (!ReplayExchanges.Names.Contains(exchange.Split('-')[0].ToLowerInvariant()))
                        return Fail($"--exchange expects one of {string.Join(", ", ReplayExchanges.Names)}, got '{exchange}'", out error);
                    break;
                case "--port" when hasValue:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                        return Fail($"--port expects a port number from 0 to 65535, got '{args[i]}'", out error);
                    options = options with { Port = port };
                    break;
                case "--speed" when hasValue:
                    try
                    {
                        options = options with { Speed = ReplaySpeed.Parse(args[++i]) };
                    }
                    catch (FormatException ex)
                    {
                        return Fail("--speed: " + ex.Message.TrimEnd('.'), out error);
                    }
                    break;
                case "--start" when hasValue:
                    if (!double.TryParse(args[++i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var start) || start > TimeSpan.MaxValue.TotalSeconds / 2)
                        return Fail($"--start expects a number of seconds into the capture, got '{args[i]}'", out error);
                    options = options with { StartOffset = TimeSpan.FromSeconds(start) };
                    break;
                case "--at-end" when hasValue:
                    ReplayEndBehavior? atEnd = args[++i] switch
                    {
                        "close" => ReplayEndBehavior.Close,
                        "open" => ReplayEndBehavior.KeepOpen,
                        _ => null,
                    };
                    if (atEnd is not { } behavior)
                        return Fail($"--at-end expects close or open, got '{args[i]}'", out error);
                    options = options with { AtEnd = behavior };
                    break;
                case "--fault" when hasValue:
                    if (!FaultSpec.TryParse(args[++i], out var fault, out var problem))
                        return Fail(problem!.TrimEnd('.'), out error);
                    faults.Add(fault!);
                    break;
                case "--loop":
                    options = options with { Loop = true };
                    break;
                default:
                    return Fail(arg.StartsWith("--", StringComparison.Ordinal) ? $"unknown or incomplete option '{arg}'" : $"unexpected argument '{arg}'", out error);
            }
        }
        if (files.Count == 0)
            return Fail("missing --file PATH", out error);
        if (exchange is null)
            return Fail("missing --exchange NAME", out error);
        error = null;
        return new ReplayerArguments(files, format, exchange, options with { Faults = faults });
    }

    private static ReplayerArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
