using System.Globalization;
using LowLatency.Cli.Commands.Demo;

namespace LowLatency.Cli.Commands.Run;

/// <summary>Parses <c>run</c> arguments.</summary>
public static class RunOptionsParser
{
    /// <summary>Usage line.</summary>
    public const string Usage = "run --config PATH [--duration SECONDS] [--connect-timeout SECONDS]";

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="DemoArgumentException">An argument is missing, unknown or invalid.</exception>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        TimeSpan? duration = null;
        var connectTimeout = TimeSpan.FromSeconds(15);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new DemoArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--config":
                    config = Value();
                    break;
                case "--duration":
                    duration = Seconds(name, Value());
                    break;
                case "--connect-timeout":
                    connectTimeout = Seconds(name, Value());
                    break;
                default:
                    throw new DemoArgumentException($"unknown argument '{name}' (usage: {Usage})");
            }
        }
        return new RunOptions(config ?? throw new DemoArgumentException($"--config is required (usage: {Usage})"), duration, connectTimeout);
    }

    private static TimeSpan Seconds(string name, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new DemoArgumentException($"{name} needs a positive number of seconds, got '{text}'");
}
