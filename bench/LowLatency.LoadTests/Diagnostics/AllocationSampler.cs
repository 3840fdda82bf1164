using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace LowLatency.LoadTests.Diagnostics;

/// <summary>
/// Listens to the runtime's allocation samples (<c>GCAllocationTick</c>, one about every 100 KB a
/// thread allocates) and counts them by thread name and type: which code allocates on a hot thread
/// when a per-thread byte count says something does.
/// </summary>
/// <remarks>
/// Only samples taken while <see cref="Recording"/> is set count: the runners set it for the steady
/// part of each round, so warm-up growth (buffers sized to the largest message) stays out.
/// Thread names come from <c>/proc/self/task/TID/comm</c> (Linux; the runtime sets it to the first
/// 15 characters of <see cref="Thread.Name"/>); elsewhere the thread id is shown. Sampling is
/// statistical: a type allocated rarely may not appear, and counts are samples, not objects.
/// </remarks>
public sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<(string Thread, string Type), long> _samples = new();
    private readonly ConcurrentDictionary<ulong, string> _threadNames = new();
    private static volatile bool s_recording;

    /// <summary>Whether samples are counted now (set by the round runners for the steady part of a round).</summary>
    public static bool Recording
    {
        get => s_recording;
        set => s_recording = value;
    }

    /// <summary>Samples taken so far, by thread and type, most frequent first.</summary>
    public IReadOnlyList<(string Thread, string Type, long Samples)> Samples =>
        [.. _samples.Select(s => (s.Key.Thread, s.Key.Type, s.Value)).OrderByDescending(s => s.Value)];

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!s_recording || eventData.EventId != AllocationTickEventId || eventData.PayloadNames is null)
            return;
        int typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        string type = typeIndex >= 0 ? eventData.Payload?[typeIndex] as string ?? "?" : "?";
        string thread = _threadNames.GetOrAdd((ulong)eventData.OSThreadId, ThreadName);
        _samples.AddOrUpdate((thread, type), 1, (_, n) => n + 1);
    }

    private static string ThreadName(ulong id)
    {
        try
        {
            string path = $"/proc/self/task/{id}/comm";
            if (File.Exists(path))
                return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
        }
        return "tid " + id;
    }
}
