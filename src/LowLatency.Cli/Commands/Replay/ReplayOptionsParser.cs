using System.Globalization;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>Parses <c>replay</c> arguments.</summary>
public static class ReplayOptionsParser
{
    /// <summary>Usage line.</summary>
    public const string Usage = "replay --file PATH [--file PATH...] [--format hbt|cryptofeed|lines] --exchange NAME [--report json|text] [--instruments PATH] [--depth N]";

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ReplayArgumentException">An argument is missing, unknown or invalid.</exception>
    public static ReplayOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var files = new List<string>();
        CaptureFormat? format = null;
        string? exchange = null;
        var report = ReplayReportFormat.Json;
        string? instruments = null;
        var depth = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ReplayArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--file":
                    files.Add(Value());
                    break;
                case "--format":
                    var f = Value();
                    format = f switch
                    {
                        "hbt" => CaptureFormat.Hbt,
                        "cryptofeed" => CaptureFormat.Cryptofeed,
                        "lines" => CaptureFormat.Lines,
                        _ => throw new ReplayArgumentException($"unknown format '{f}' (expected hbt, cryptofeed or lines)"),
                    };
                    break;
                case "--exchange":
                    exchange = Value();
                    break;
                case "--report":
                    var r = Value();
                    report = r switch
                    {
                        "json" => ReplayReportFormat.Json,
                        "text" => ReplayReportFormat.Text,
                        _ => throw new ReplayArgumentException($"unknown report '{r}' (expected json or text)"),
                    };
                    break;
                case "--instruments":
                    instruments = Value();
                    break;
                case "--depth":
                    var d = Value();
                    if (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out depth))
                        throw new ReplayArgumentException($"--depth needs a positive integer, got '{d}'");
                    break;
                default:
                    throw new ReplayArgumentException($"unknown argument '{name}' (usage: {Usage})");
            }
        }
        if (files.Count == 0)
            throw new ReplayArgumentException("--file is required");
        if (exchange is null)
            throw new ReplayArgumentException("--exchange is required");
        return new ReplayOptions(files, format, exchange, report, instruments, depth);
    }
}
