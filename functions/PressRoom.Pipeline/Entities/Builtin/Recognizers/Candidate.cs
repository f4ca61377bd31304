namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>A proposed entity; overlapping candidates are resolved longest-first, then by priority.</summary>
internal sealed class Candidate
{
    public required int Start { get; init; }
    public required int End { get; set; }
    public required string Category { get; init; }
    public string? Subcategory { get; init; }
    public double Confidence { get; init; }
    public string? English { get; set; }
    public string? Value { get; init; }
    public required string Key { get; set; }

    /// <summary>Higher wins among candidates of equal length (gazetteer over rule, person over organization…).</summary>
    public int Priority { get; init; }

    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>Token range, for recognizers that link mentions.</summary>
    public int FirstToken { get; init; }

    public int EndToken { get; init; }

    public int Length => End - Start;

    public bool Overlaps(Candidate other) => Start < other.End && other.Start < End;

    public void SetAttribute(string name, string value)
    {
        Attributes ??= new Dictionary<string, string>(StringComparer.Ordinal);
        Attributes[name] = value;
    }
}

/// <summary>Priorities used when two candidates cover spans of equal length.</summary>
internal static class Priorities
{
    public const int Rule = 10;
    public const int Number = 15;
    public const int Temporal = 20;
    public const int Role = 25;
    public const int Person = 30;
    public const int Gazetteer = 40;
}
