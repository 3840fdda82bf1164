namespace LowLatency.Cli.Commands;

/// <summary>
/// One verb of the <c>lowlatency</c> command (<c>ws</c>, <c>replay</c>, <c>demo</c> ...).
/// </summary>
/// <remarks>
/// Commands are discovered by reflection, so a new verb is one new file. Output goes to the
/// writers passed in (tests capture them); bad arguments return a non-zero code after one
/// line on the error writer, never a stack trace.
/// </remarks>
public interface ICliCommand
{
    /// <summary>The verb, e.g. <c>ws</c>.</summary>
    string Name { get; }

    /// <summary>One line of usage for <c>lowlatency --help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb with the arguments after it; returns the exit code.</summary>
    Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
