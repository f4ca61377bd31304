namespace PressRoom.Contracts;

/// <summary>
/// One entity mention group found in a text. Categories follow Azure AI Language NER
/// (Person, PersonType, Organization, Location, Event, DateTime, Quantity, …) so providers are interchangeable.
/// </summary>
public sealed record ExtractedEntity
{
    public required string Category { get; init; }
    public string? Subcategory { get; init; }

    /// <summary>The text exactly as it appears in the document.</summary>
    public required string Text { get; init; }

    /// <summary>Offset in UTF-16 code units into the text that was analysed.</summary>
    public required int Offset { get; init; }

    /// <summary>Length in UTF-16 code units.</summary>
    public required int Length { get; init; }

    public double Confidence { get; init; }

    /// <summary>English name (gazetteer, translation or romanization).</summary>
    public string? English { get; init; }

    /// <summary>Normalized value: ISO 8601 date, "15000000 USD", a number.</summary>
    public string? Value { get; init; }

    /// <summary>Stable cross-release key, e.g. "person:ghada-fathi-waly".</summary>
    public required string Key { get; init; }

    /// <summary>The provider that produced it (builtin, azure).</summary>
    public string Provider { get; init; } = "builtin";

    /// <summary>Extra facts: honorific, romanized flag, linked full name, wikipedia url, …</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
