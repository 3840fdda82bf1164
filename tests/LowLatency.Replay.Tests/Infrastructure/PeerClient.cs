using System.Diagnostics;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>
/// Runs a third-party client script from tests/peers/replay: Python ones with Debian's python3
/// (where python3-websockets is installed), Node ones with the npm <c>ws</c> package of
/// tests/peers. A missing runtime or package fails the test with the fix to apply; it never skips.
/// </summary>
public static class PeerClient
{
    public const string DebianPython = "/usr/bin/python3";

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}; stdout: {Stdout.Trim()}; stderr: {Stderr.Trim()}";
    }

    /// <summary>Runs a Python client script with Debian's python3.</summary>
    public static Task<Outcome> RunPythonAsync(string script, params string[] arguments)
    {
        RequireWebsockets();
        return RunAsync(DebianPython, ["-u", script, .. arguments]);
    }

    /// <summary>Runs a Node client script with the npm <c>ws</c> package of tests/peers.</summary>
    public static Task<Outcome> RunNodeAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(TestPaths.Peers, "node_modules", "ws")))
            throw new InvalidOperationException($"The npm 'ws' package is missing in {TestPaths.Peers}: run ./test.sh, or 'npm ci' in tests/peers.");
        return RunAsync("node", [script, .. arguments]);
    }

    private static async Task<Outcome> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = TestPaths.ReplayPeers,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not exit within 150 s. stdout: {await stdout}");
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
