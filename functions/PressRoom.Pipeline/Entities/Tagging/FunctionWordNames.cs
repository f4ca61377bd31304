using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Arabic words that are never a person's name where the tagger reads one: the undotted preposition in set phrases
/// ("علي هامش" = على هامش, on the sidelines; the issue's "علي read as Ali" class), a pronoun opening the span ("انا
/// مؤمن", I believe), a conjunction standing alone ("لكي", "فان" = فإن), and "باسم" after a spokesman ("متحدث باسم الناتو",
/// a spokesman for NATO: "in the name of", not the given name Basim).
/// </summary>
internal static class FunctionWordNames
{
    /// <summary>Nouns that follow على in set phrases: على هامش، على صعيد، على الأقل، على حساب، على رأس …</summary>
    static readonly HashSet<string> AfterAla = new(StringComparer.Ordinal)
    {
        "هامش", "صعيد", "الاقل", "حساب", "راس", "مستوي", "خلفيه", "غرار", "الرغم", "مدي", "اساس", "ضوء", "نحو", "وجه",
        "اثر", "طول", "عكس", "حد", "اعتبار", "سبيل", "قدم", "مدار", "امتداد", "هامشه", "الفور", "الاطلاق", "التوالي",
    };

    static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "انا", "نحن", "هو", "هي", "هم", "انت", "انتم" };

    static readonly HashSet<string> Spokesmen = new(StringComparer.Ordinal)
    {
        "متحدث", "المتحدث", "متحدثه", "المتحدثه", "متحدثا", "ناطق", "الناطق", "ناطقه", "الناطقه", "ناطقا", "متحدثون", "متحدثين",
    };

    static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "لكي", "كي", "فان", "لان", "لكن", "حتي", "اذا", "اما" };

    public static List<TaggedSpan> Drop(DocumentContext ctx, List<TaggedSpan> spans)
    {
        spans.RemoveAll(s => s.Type == "PER" && ctx.Tokens[s.First].IsArabic && IsNoName(ctx, s));
        return spans;
    }

    static bool IsNoName(DocumentContext ctx, TaggedSpan span)
    {
        var first = Fold(ctx.Tokens[span.First].Folded);
        if (Pronouns.Contains(first))
        {
            return true;
        }

        if (first == "باسم" && span.First > 0 && Spokesmen.Contains(Fold(ctx.Tokens[span.First - 1].Folded)))
        {
            return true;
        }

        if (span.End - span.First == 1)
        {
            return Conjunctions.Contains(first);
        }

        return first is "علي" or "علی" && AfterAla.Contains(Fold(ctx.Tokens[span.First + 1].Folded));
    }

    /// <summary>The recognition fold keeps ى apart; these lists are written with ي.</summary>
    static string Fold(string folded) => folded.Replace('ى', 'ي');
}
