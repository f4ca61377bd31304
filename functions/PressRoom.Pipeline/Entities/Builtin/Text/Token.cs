namespace PressRoom.Pipeline.Entities.Builtin.Text;

internal enum TokenKind
{
    Word,
    Number,
    Punct,

    /// <summary>A line break: names and chains never cross it.</summary>
    Break,
}

/// <summary>One token of the analysed text. <see cref="Start"/>/<see cref="End"/> are UTF-16 offsets into the original.</summary>
internal sealed class Token
{
    public required int Start { get; init; }
    public required int End { get; init; }
    public required TokenKind Kind { get; init; }

    /// <summary>Folded form (see <see cref="ArabicFolding"/>); numbers keep ASCII digits and their separators.</summary>
    public required string Folded { get; init; }

    public bool IsArabic { get; init; }
    public bool IsLatin { get; init; }

    /// <summary>Latin word starting with an upper-case letter (English proper-noun cue).</summary>
    public bool IsCapitalized { get; init; }

    /// <summary>Clitic-stripped forms of an Arabic word, longest first (computed once).</summary>
    public CliticVariant[] Variants { get; set; } = [];

    public int Length => End - Start;

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsPunct(char c) => Kind == TokenKind.Punct && Folded.Length == 1 && Folded[0] == c;

    public override string ToString() => $"{Kind}:{Folded}@{Start}";
}

/// <summary>A form of a word with leading clitics removed.</summary>
/// <param name="Prefix">Folded letters stripped before <paramref name="Stem"/>.</param>
/// <param name="SpanPrefix">Where an entity span starts when the article belongs to it: at the article (or at the second ل of "لل"), else = Prefix.</param>
/// <param name="Stem">The remaining folded form; for "لل" the article's alef is restored ("للعام" → "العام").</param>
/// <param name="HasArticle">The stem starts with the definite article.</param>
/// <param name="HasProclitic">A conjunction or preposition (و ف ب ل ك) was stripped.</param>
internal readonly record struct CliticVariant(int Prefix, int SpanPrefix, string Stem, bool HasArticle, bool HasProclitic);
