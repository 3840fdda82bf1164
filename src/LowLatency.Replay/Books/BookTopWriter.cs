using System.Text.Json;

namespace LowLatency.Replay.Books;

/// <summary>Writes a side of a <see cref="BookTop"/> as an exchange's array of level arrays.</summary>
internal static class BookTopWriter
{
    /// <summary>
    /// Writes <c>"name":[[price, quantity, ..tail], ..]</c>: prices and quantities as strings, or as
    /// JSON numbers when <paramref name="numeric"/> (KuCoin futures), each level followed by what
    /// <paramref name="tail"/> writes.
    /// </summary>
    public static void WriteSide(Utf8JsonWriter w, string name, IReadOnlyList<BookTopLevel> levels, bool numeric = false, Action<Utf8JsonWriter>? tail = null)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            if (numeric)
            {
                w.WriteRawValue(level.Price);
                w.WriteRawValue(level.Quantity);
            }
            else
            {
                w.WriteStringValue(level.Price);
                w.WriteStringValue(level.Quantity);
            }
            tail?.Invoke(w);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
