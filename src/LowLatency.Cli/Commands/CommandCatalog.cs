namespace LowLatency.Cli.Commands;

/// <summary>Finds and dispatches the <see cref="ICliCommand"/>s of this assembly.</summary>
public static class CommandCatalog
{
    /// <summary>All verbs, ordered by name.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } = typeof(CommandCatalog).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t)
                    && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Runs <c>lowlatency VERB ARGS...</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine("usage: lowlatency VERB [ARGS...]");
            foreach (var c in All)
                output.WriteLine("  " + c.Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var command = All.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"lowlatency: unknown command '{args[0]}' (known: {string.Join(", ", All.Select(c => c.Name))})");
            return 2;
        }
        return await command.RunAsync(args[1..], output, error, cancellationToken).ConfigureAwait(false);
    }
}
