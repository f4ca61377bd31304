using System.Globalization;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Quantity entities: money ("15 مليون دولار" → "15000000 USD", "$5 million", "JOD 8.5 million"), percentages,
/// ordinals and plain numbers in digits (Arabic-Indic included) or words.
/// </summary>
internal static class QuantityRecognizer
{
    const string Category = "Quantity";

    public static void Run(DocumentContext ctx)
    {
        var baseCurrencies = SpecifiedCurrencies(ctx);
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i])
            {
                continue;
            }

            var hit = CurrencyFirst(ctx, i, baseCurrencies) ?? NumberFirst(ctx, i, baseCurrencies);
            if (hit is { } h)
            {
                Add(ctx, h);
                i = h.End - 1;
            }
        }
    }

    readonly record struct Hit(int Start, int End, int Prefix, string Sub, decimal Amount, string? Currency);

    /// <summary>Base currency words ("ريال") resolved from a fully named mention elsewhere in the release ("ريال عماني").</summary>
    static Dictionary<string, string> SpecifiedCurrencies(DocumentContext ctx)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ctx.Count; i++)
        {
            if (!ctx.HasKind(i, LexKind.Currency))
            {
                continue;
            }

            foreach (var m in ctx.MatchesAt(i))
            {
                if (m.Entry.Kind == LexKind.Currency && !m.Entry.Ambiguous && m.Entry.TokenCount >= 2 && m.Entry.Code is { } code)
                {
                    map.TryAdd(BaseStem(ctx.Tokens[i]), code);
                }
            }
        }

        return map;
    }

    static string StripArticle(string stem) => stem.StartsWith("ال", StringComparison.Ordinal) && stem.Length > 4 ? stem[2..] : stem;

    static (string Code, int End)? CurrencyAt(DocumentContext ctx, int j, Dictionary<string, string> specified)
    {
        LexMatch? best = null;
        foreach (var m in ctx.MatchesAt(j))
        {
            if (m.Entry.Kind == LexKind.Currency && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        if (best is not { } match)
        {
            return null;
        }

        var token = ctx.Tokens[j];
        if (match.Entry.Subcategory == "code" && !IsUpper(ctx.Slice(token.Start, token.End)))
        {
            return null;
        }

        var code = match.Entry.Code!;
        if (match.Entry.Ambiguous)
        {
            code = specified.GetValueOrDefault(BaseStem(token), code);
        }

        return (code, match.End);
    }

    static string BaseStem(Token token)
    {
        foreach (var v in token.Variants)
        {
            if (!v.HasProclitic)
            {
                return StripArticle(v.Stem);
            }
        }

        return token.Folded;
    }

    static bool IsUpper(string text) => text.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>$5 million, US$ 3 billion, JOD 8.5 million, € 20.</summary>
    static Hit? CurrencyFirst(DocumentContext ctx, int i, Dictionary<string, string> specified)
    {
        var token = ctx.Tokens[i];
        int numberAt;
        string code;
        if (token.Kind == TokenKind.Punct && token.Folded is "$" or "€" or "£")
        {
            code = token.Folded switch { "$" => "USD", "€" => "EUR", _ => "GBP" };
            numberAt = i + 1;
        }
        else if (token.IsLatin && token.Folded == "us" && ctx.IsPunct(i + 1, '$') && ctx.Adjacent(i, i + 1))
        {
            code = "USD";
            numberAt = i + 2;
        }
        else if (token.IsLatin && CurrencyAt(ctx, i, specified) is { } c && ctx.IsNumber(c.End))
        {
            code = c.Code;
            numberAt = c.End;
        }
        else
        {
            return null;
        }

        if (NumberReader.Read(ctx, numberAt, allowOrdinal: false) is not { FromDigits: true } number)
        {
            return null;
        }

        return new Hit(i, number.End, 0, "Currency", number.Value, code);
    }

    static Hit? NumberFirst(DocumentContext ctx, int i, Dictionary<string, string> specified)
    {
        if (NumberReader.Read(ctx, i, allowOrdinal: true) is not { } number)
        {
            return null;
        }

        // آل ثاني, بن خامس: after a nasab particle a number word is a family name.
        if (!number.FromDigits && i > 0 && ctx.FindWhole(i - 1, LexKind.Particle) is not null)
        {
            return null;
        }

        if (number.IsOrdinal)
        {
            return new Hit(i, number.End, number.Prefix, "Ordinal", number.Value, null);
        }

        var end = number.End;

        // 21st, 3rd.
        if (number.FromDigits && end < ctx.Count && ctx.Adjacent(end - 1, end) && ctx.Tokens[end].Folded is "st" or "nd" or "rd" or "th")
        {
            return new Hit(i, end + 1, 0, "Ordinal", number.Value, null);
        }

        if (ctx.Find(end, LexKind.Percent) is { } percent && (percent.Prefix == 0 || ctx.Tokens[end].Folded.StartsWith("بال", StringComparison.Ordinal)))
        {
            return new Hit(i, percent.End, number.Prefix, "Percentage", number.Value, null);
        }

        if (CurrencyAt(ctx, end, specified) is { } currency && ctx.Find(end, LexKind.Currency) is { Prefix: 0 })
        {
            return new Hit(i, currency.End, number.Prefix, "Currency", number.Value, currency.Code);
        }

        // A lone Latin word number ("two") is too weak unless spelled next to a noun; keep digits and Arabic words.
        if (!number.FromDigits && ctx.Tokens[i].IsLatin && number.End == i + 1)
        {
            return null;
        }

        // Parts of identifiers (No. 5, 10:30) are not quantities.
        if (number.FromDigits && (ctx.IsPunct(end, ':') && ctx.Adjacent(end - 1, end) || ctx.IsPunct(i - 1, ':') && ctx.Adjacent(i - 1, i)))
        {
            return null;
        }

        return new Hit(i, end, number.Prefix, "Number", number.Value, null);
    }

    static void Add(DocumentContext ctx, Hit hit)
    {
        var start = ctx.StartAfterProclitic(hit.Start, hit.Prefix);
        var end = ctx.Tokens[hit.End - 1].End;
        var amount = NumberReader.Format(hit.Amount);
        var (value, english) = hit.Sub switch
        {
            "Currency" => ($"{amount} {hit.Currency}", $"{hit.Currency} {hit.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)}"),
            "Percentage" => ($"{amount}%", $"{amount}%"),
            "Ordinal" => (amount, Ordinal(hit.Amount)),
            _ => (amount, hit.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)),
        };
        ctx.Candidates.Add(new Candidate
        {
            Start = start,
            End = end,
            Category = Category,
            Subcategory = hit.Sub,
            Confidence = 0.9,
            Value = value,
            English = english,
            Key = EntityKeys.Make(Category, hit.Sub + " " + value),
            Priority = Priorities.Number,
            FirstToken = hit.Start,
            EndToken = hit.End,
        });
        ctx.Claim(hit.Start, hit.End);
    }

    static string Ordinal(decimal n)
    {
        var i = (long)n;
        var suffix = (i % 100) is 11 or 12 or 13 ? "th" : (i % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return i.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
