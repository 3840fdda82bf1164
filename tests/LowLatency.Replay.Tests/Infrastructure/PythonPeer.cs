using System.Diagnostics;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// Runs a third-party client script from tests/peers/replay with Debian's python3 (where
/// python3-websockets is installed). A missing interpreter or package fails the test with the
/// fix to apply; it never skips.
/// </summary>
public static class PythonPeer
{
    public const string DebianPython = "/usr/bin/python3";

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}; stdout: {Stdout.Trim()}; stderr: {Stderr.Trim()}";
    }

    public static async Task<Outcome> RunAsync(string script, params string[] arguments)
    {
        RequireWebsockets();
        var start = new ProcessStartInfo(DebianPython)
        {
            WorkingDirectory = TestPaths.ReplayPeers,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} did not exit within 150 s. stdout: {await stdout}");
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    private static void RequireWebsockets()
    {
        var start = new ProcessStartInfo(DebianPython, ["-c", "import websockets"]) { RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            if (process.ExitCode == 0)
                return;
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        throw new InvalidOperationException($"{DebianPython} cannot import websockets: run ./test.sh as root, or 'apt-get install python3-websockets'.");
    }
}
