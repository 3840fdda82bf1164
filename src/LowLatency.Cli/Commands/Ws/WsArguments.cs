using System.Globalization;

namespace LowLatency.Cli.Commands.Ws;

/// <summary>The parsed arguments of <c>lowlatency ws</c>.</summary>
/// <param name="Url">The ws:// or wss:// URL.</param>
/// <param name="Send">Texts to send after connecting, in order.</param>
/// <param name="Count">Stop (closing with 1000) after this many received messages; null waits for the close.</param>
/// <param name="Deflate">Offer permessage-deflate.</param>
/// <param name="CaPath">A PEM file of certificate authorities to trust instead of the system store.</param>
/// <param name="Timeout">Give up (printing <c>timeout</c>) after this long; null waits forever.</param>
internal sealed record WsArguments(Uri Url, IReadOnlyList<string> Send, int? Count, bool Deflate, string? CaPath, TimeSpan? Timeout)
{
    /// <summary>Parses the arguments after the verb; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static WsArguments? Parse(string[] args, out string? error)
    {
        Uri? url = null;
        var send = new List<string>();
        int? count = null;
        bool deflate = false;
        string? ca = null;
        TimeSpan? timeout = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            bool hasValue = i + 1 < args.Length;
            switch (arg)
            {
                case "--send" when hasValue:
                    send.Add(args[++i]);
                    break;
                case "--count" when hasValue:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                        return Fail($"--count expects a positive whole number, got '{args[i]}'", out error);
                    count = n;
                    break;
                case "--timeout" when hasValue:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds <= 0 || seconds > int.MaxValue / 1000)
                        return Fail($"--timeout expects a positive number of seconds, got '{args[i]}'", out error);
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--ca" when hasValue:
                    ca = args[++i];
                    break;
                case "--deflate":
                    deflate = true;
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
        error = null;
        return new WsArguments(url, send, count, deflate, ca, timeout);
    }

    private static WsArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
