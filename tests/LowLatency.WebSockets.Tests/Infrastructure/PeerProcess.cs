using System.Diagnostics;
using System.Text;

namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>
/// An independent WebSocket peer (Node <c>ws</c> or Python <c>websockets</c>) run as a child
/// process from tests/peers. A missing runtime or package fails the test with the fix to apply;
/// it never skips.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    /// <summary>Debian's interpreter: python3-websockets is installed for it, not for a pyenv python3 on PATH.</summary>
    public const string DebianPython = "/usr/bin/python3";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = TestPaths.Peers,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stdout)
                _stdout.AppendLine(e.Data);
            if (e.Data.StartsWith("LISTENING ", StringComparison.Ordinal))
                _listening.TrySetResult(int.Parse(e.Data["LISTENING ".Length..]));
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stderr)
                _stderr.AppendLine(e.Data);
        };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"{fileName} {string.Join(' ', arguments)} exited with {_process.ExitCode} before listening. stderr: {Stderr}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
                return _stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a Node script from tests/peers.</summary>
    public static PeerProcess StartNode(string script, params string[] arguments)
    {
        RequireNode();
        return new PeerProcess("node", [script, .. arguments]);
    }

    /// <summary>Starts a Python script from tests/peers with Debian's python3.</summary>
    public static PeerProcess StartPython(string script, params string[] arguments)
    {
        RequirePythonWebsockets();
        return new PeerProcess(DebianPython, ["-u", script, .. arguments]);
    }

    /// <summary>Waits for the "LISTENING port" line of a server script.</summary>
    public async Task<int> WaitListeningAsync()
    {
        Task done = await Task.WhenAny(_listening.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (done != _listening.Task)
            throw new TimeoutException("The peer did not print LISTENING within 30 s. stderr: " + Stderr);
        return await _listening.Task;
    }

    /// <summary>Waits for a client script to exit; returns its exit code.</summary>
    public async Task<int> WaitExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The peer did not exit within {timeout.TotalSeconds} s. stdout: {Stdout} stderr: {Stderr}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
                    _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static void RequireNode()
    {
        if (!Directory.Exists(Path.Combine(TestPaths.Peers, "node_modules", "ws")))
            throw new InvalidOperationException($"The npm 'ws' package is missing in {TestPaths.Peers}: run ./test.sh, or 'npm ci' in tests/peers.");
        if (!Runs("node", "--version"))
            throw new InvalidOperationException("Node.js ('node') is not on PATH; the peer tests need it (install nodejs).");
    }

    private static void RequirePythonWebsockets()
    {
        if (!Runs(DebianPython, "-c", "import websockets"))
            throw new InvalidOperationException($"{DebianPython} cannot import websockets: run ./test.sh as root, or 'apt-get install python3-websockets'.");
    }

    private static bool Runs(string fileName, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
                start.ArgumentList.Add(argument);
            using Process process = Process.Start(start)!;
            process.WaitForExit(30000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
