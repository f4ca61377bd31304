namespace PressRoom.Pipeline.Entities.Builtin.Lexicon;

/// <summary>What a gazetteer entry is; one token sequence may carry several kinds.</summary>
internal enum LexKind
{
    Country,
    City,
    Region,
    Organization,
    Event,
    Honorific,
    Rank,
    Particle,
    Role,
    GivenName,
    OrgHead,
    EventHead,
    StructureHead,
    GpeHead,
    StatePrefix,
    Month,
    Weekday,
    DayRelative,
    RelativeUnit,
    ModifierAfter,
    ModifierBefore,
    SetWord,
    DurationUnit,
    DualUnit,
    YearPart,
    HijriMarker,
    GregorianMarker,
    Percent,
    DayWord,
    YearWord,
    MonthWord,
    Cardinal,
    Tens,
    Ordinal,
    Scale,
    DualScale,
    Currency,
    Stop,

    /// <summary>A well-known person's name or second-mention surname (persons-known.tsv): a tagger feature, and the English name of a person whose whole name it is.</summary>
    KnownPerson,

    /// <summary>A given name written in Latin letters and not of Arabic origin (given-names-latin.tsv: John, Ingrid, Akmal): a tagger feature only.</summary>
    LatinGivenName,
}

/// <summary>One gazetteer entry, compiled into <see cref="LexiconTrie"/>.</summary>
internal sealed record LexEntry
{
    public required LexKind Kind { get; init; }

    /// <summary>
    /// A name the rules use but the tagger does not see as a feature: lists added after the models were trained and
    /// measured better that way (organizations-world.tsv, heads-firms.tsv; docs/entities.md, tenth pass).
    /// </summary>
    public bool RuleOnly { get; init; }

    /// <summary>The entry as written in the data file (diacritics kept: used to prefer an exact spelling among homographs).</summary>
    public required string Surface { get; init; }

    /// <summary>English name (canonical) or gloss.</summary>
    public string? English { get; init; }

    public string? Subcategory { get; init; }

    /// <summary>ISO country or currency code, calendar kind, duration designator, set value.</summary>
    public string? Code { get; init; }

    /// <summary>Numeric value: number, month index, ISO weekday, relative offset.</summary>
    public decimal Number { get; init; }

    /// <summary>Also a common word: the recognizer needs a contextual cue before accepting it.</summary>
    public bool Ambiguous { get; init; }

    public bool IsLatin { get; init; }

    public int TokenCount { get; init; }
}

/// <summary>A gazetteer hit in the document: tokens [Start, End) with clitic letters stripped from the first token.</summary>
internal readonly record struct LexMatch(int Start, int End, int Prefix, int SpanPrefix, bool HasProclitic, LexEntry Entry);
