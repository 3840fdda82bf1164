using System.Diagnostics;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>
/// An independent HMAC computation with Python's hmac module, for exchanges whose documentation
/// gives no example signature to test against.
/// </summary>
public static class PythonReference
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import base64, hashlib, hmac, sys
        algorithm, encoding, key, message = sys.argv[1:5]
        digest = hmac.new(key.encode("utf-8"), message.encode("utf-8"), getattr(hashlib, algorithm)).digest()
        print(digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii"), end="")
        """;

    /// <summary>HMAC of <paramref name="message"/> keyed by <paramref name="key"/> (both UTF-8), as hex or base64.</summary>
    public static string Hmac(string algorithm, string encoding, string key, string message)
    {
        Assert.True(File.Exists(Python), $"{Python} is needed for the reference signatures (test.sh installs it).");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-c", Script, algorithm, encoding, key, message })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 failed: {error}");
        return output;
    }
}
