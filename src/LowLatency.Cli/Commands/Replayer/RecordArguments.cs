using System.Globalization;

namespace LowLatency.Cli.Commands.Replayer;

/// <summary>The parsed arguments of <c>lowlatency record</c>.</summary>
/// <param name="Url">The ws:// or wss:// URL to record.</param>
/// <param name="Subscribe">Texts to send after connecting (the exchange's subscribe messages), in order.</param>
/// <param name="Out">The capture file.</param>
/// <param name="Gzip">Compress with gzip.</param>
/// <param name="Duration">Stop after this long; null records until Ctrl+C or the server closes.</param>
/// <param name="RotateBytes">Start a new file past this many bytes; null never rotates.</param>
internal sealed record RecordArguments(Uri Url, IReadOnlyList<string> Subscribe, string Out, bool Gzip, TimeSpan? Duration, long? RotateBytes)
{
    /// <summary>Parses the arguments after the verb; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static RecordArguments? Parse(string[] args, out string? error)
    {
        Uri? url = null;
        var subscribe = new List<string>();
        string? output = null;
        var gzip = false;
        TimeSpan? duration = null;
        long? rotate = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var hasValue = i + 1 < args.Length;
            switch (arg)
            {
                case "--subscribe" when hasValue:
                    subscribe.Add(args[++i]);
                    break;
                case "--out" when hasValue:
                    output = args[++i];
                    break;
                case "--gzip":
                    gzip = true;
                    break;
                case "--duration" when hasValue:
                    if (!double.TryParse(args[++i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > int.MaxValue / 1000)
                        return Fail($"--duration expects a positive number of seconds, got '{args[i]}'", out error);
                    duration = TimeSpan.FromSeconds(seconds);
                    break;
                case "--rotate-mb" when hasValue:
                    if (!double.TryParse(args[++i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var megabytes) || megabytes <= 0 || megabytes > 1e6)
                        return Fail($"--rotate-mb expects a positive number of megabytes, got '{args[i]}'", out error);
                    rotate = (long)(megabytes * 1024 * 1024);
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                        return Fail($"unknown or incomplete option '{arg}'", out error);
                    if (url is not null)
                        return Fail($"unexpected argument '{arg}' (the URL is already '{url}')", out error);
                    if (!Uri.TryCreate(arg, UriKind.Absolute, out url) || url.Scheme is not ("ws" or "wss"))
                        return Fail($"'{arg}' is not a ws:// or wss:// URL", out error);
                    break;
            }
        }
        if (url is null)
            return Fail("missing URL", out error);
        if (output is null)
            return Fail("missing --out PATH", out error);
        error = null;
        return new RecordArguments(url, subscribe, output, gzip, duration, rotate);
    }

    private static RecordArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
