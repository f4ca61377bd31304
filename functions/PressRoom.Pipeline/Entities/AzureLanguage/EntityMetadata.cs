using System.Globalization;
using System.Text.Json;

namespace PressRoom.Pipeline.Entities.AzureLanguage;

/// <summary>
/// Reads Language 2024-11-01 entity <c>metadata</c> into the normalized value PressRoom stores: ISO dates
/// ("2024-03-29", spans as "begin/end"), amounts with their ISO 4217 code ("15000000 USD"), plain numbers,
/// ranges ("1..5"), measures ("3 Kilometer"). Property names are matched case-insensitively
/// (the spec says <c>iso4217</c>, the docs show <c>ISO4217</c>) and a missing <c>metadataKind</c> is tolerated.
/// </summary>
public static class EntityMetadata
{
    public static string? Kind(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m ? Text(m, "metadataKind") : null;

    public static string? NormalizedValue(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } m)
        {
            return null;
        }

        if (Get(m, "dateValues") is { ValueKind: JsonValueKind.Array } dates && dates.GetArrayLength() > 0)
        {
            return Text(dates[0], "value") ?? Text(dates[0], "timex");
        }

        if (Get(m, "spanValues") is { ValueKind: JsonValueKind.Array } spans && spans.GetArrayLength() > 0)
        {
            var span = spans[0];
            var begin = Text(span, "begin");
            var end = Text(span, "end");
            return begin is null && end is null ? Text(span, "duration") ?? Text(span, "timex") : $"{begin}/{end}";
        }

        var value = Number(m, "value");
        if (Text(m, "iso4217") is { } currency && value is not null)
        {
            return $"{value} {currency}";
        }

        if (Number(m, "minimum") is { } min && Number(m, "maximum") is { } max)
        {
            return $"{min}..{max}";
        }

        if (value is not null && Text(m, "unit") is { } unit)
        {
            return $"{value} {unit}";
        }

        return value;
    }

    /// <summary>The TIMEX expression of a temporal entity, kept as an attribute (e.g. "XXXX-03-29" for an undated day).</summary>
    public static string? Timex(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } m && Get(m, "dateValues") is { ValueKind: JsonValueKind.Array } dates && dates.GetArrayLength() > 0
            ? Text(dates[0], "timex")
            : null;

    static string? Number(JsonElement element, string name) => Get(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetDecimal(out var d) => d.ToString("0.############", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.Number } n => n.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        _ => null,
    };

    static string? Text(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } s && !string.IsNullOrWhiteSpace(s.GetString()) ? s.GetString() : null;

    static JsonElement? Get(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
