namespace LowLatency.Engine.Offline;

/// <summary>Names the book a symbol-less recorded snapshot belongs to: the one that has waited longest for one.</summary>
internal interface ISnapshotHintSource
{
    /// <summary>
    /// Once the consumers processed everything published so far (so every request the books will
    /// make has been made), the instrument whose book has waited longest for a snapshot, or -1.
    /// </summary>
    int AwaitingSnapshot();
}
