using System.Globalization;
using LowLatency.Replay.Server;

namespace LowLatency.Cli.Commands.Demo;

/// <summary>Parses <c>demo</c> arguments.</summary>
public static class DemoOptionsParser
{
    /// <summary>Usage line.</summary>
    public const string Usage = "demo [--duration SECONDS] [--speed realtime|max|xN] [--json PATH] [--fixtures DIR] [--plain]";

    /// <summary>
    /// Defaults: 20 s at fifty times the recorded pace (about 6,000 messages per second from the
    /// Binance recording, which then plays once in the first 7 s and loops).
    /// </summary>
    public static DemoOptions Defaults { get; } = new(TimeSpan.FromSeconds(20), ReplaySpeed.Times(50), null, null, false);

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="DemoArgumentException">An argument is unknown or its value invalid.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Defaults;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new DemoArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--duration":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86_400)
                        throw new DemoArgumentException($"--duration needs seconds between 0 and 86400, got '{text}'");
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--speed":
                    var speed = Value();
                    try
                    {
                        options = options with { Speed = ReplaySpeed.Parse(speed) };
                    }
                    catch (FormatException e)
                    {
                        throw new DemoArgumentException(e.Message);
                    }
                    break;
                case "--json":
                    options = options with { JsonPath = Value() };
                    break;
                case "--fixtures":
                    options = options with { FixturesDirectory = Value() };
                    break;
                case "--plain":
                    options = options with { Plain = true };
                    break;
                default:
                    throw new DemoArgumentException($"unknown argument '{name}' (usage: {Usage})");
            }
        }
        return options;
    }
}
