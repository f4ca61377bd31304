namespace PressRoom.Pipeline.Entities.Builtin.Text;

/// <summary>
/// One pass over the text: words (letters, marks, inner digits, hyphens and apostrophes between letters),
/// numbers (digits with inner "," "." and their Arabic forms), single punctuation characters and line breaks.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var scratch = new Scratch();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                tokens.Add(new Token { Start = i, End = i + 1, Kind = TokenKind.Break, Folded = "\n" });
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c) || ArabicFolding.Fold(c) == '\0')
            {
                i++;
                continue;
            }

            if (ArabicFolding.IsDigit(c))
            {
                i = ReadNumber(text, i, tokens, scratch);
                continue;
            }

            if (char.IsLetter(c))
            {
                i = ReadWord(text, i, tokens, scratch);
                continue;
            }

            tokens.Add(new Token { Start = i, End = i + 1, Kind = TokenKind.Punct, Folded = ArabicFolding.Fold(c).ToString() });
            i++;
        }

        return tokens;
    }

    /// <summary>Per-call buffers: one builder and an intern table so repeated words share one folded string.</summary>
    sealed class Scratch
    {
        public readonly System.Text.StringBuilder Builder = new();
        readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Intern(System.Text.StringBuilder builder)
        {
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> buffer = builder.Length <= 128 ? stackalloc char[builder.Length] : new char[builder.Length];
            builder.CopyTo(0, buffer, builder.Length);
            if (lookup.TryGetValue(buffer, out var existing))
            {
                return existing;
            }

            var value = buffer.ToString();
            _strings[value] = value;
            return value;
        }
    }

    static int ReadNumber(string text, int start, List<Token> tokens, Scratch scratch)
    {
        var i = start;
        var folded = scratch.Builder.Clear();
        while (i < text.Length)
        {
            var c = text[i];
            if (ArabicFolding.IsDigit(c))
            {
                folded.Append(ArabicFolding.Fold(c));
                i++;
            }
            else if (c is ',' or '.' or '٫' or '٬' && i + 1 < text.Length && ArabicFolding.IsDigit(text[i + 1]))
            {
                folded.Append(ArabicFolding.Fold(c));
                i++;
            }
            else
            {
                break;
            }
        }

        tokens.Add(new Token { Start = start, End = i, Kind = TokenKind.Number, Folded = scratch.Intern(folded) });
        return i;
    }

    static int ReadWord(string text, int start, List<Token> tokens, Scratch scratch)
    {
        var i = start;
        var folded = scratch.Builder.Clear();
        bool arabic = false, latin = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || ArabicFolding.IsDiacritic(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                arabic |= ArabicFolding.IsArabicLetter(c);
                latin |= c < 0x250 && char.IsLetter(c);
            }
            else if (ArabicFolding.IsDigit(c) && (latin || i > start && (text[i - 1] == '-' || ArabicFolding.IsDigit(text[i - 1]) && folded.ToString().Contains('-', StringComparison.Ordinal))))
            {
                // Latin words may carry digits (G20, COP28); Arabic words end before digits (1446هـ is split).
            }
            else if (c is '-' or '\'' or '’' or '‑' && i + 1 < text.Length && i > start
                     && (char.IsLetter(text[i + 1]) || ArabicFolding.IsDigit(text[i + 1])))
            {
                // Hyphenated or apostrophe names: Al-Thani, Ma'an, COVID-19, كوفيد-19, three-year.
            }
            else
            {
                break;
            }

            var f = ArabicFolding.Fold(c);
            if (f != '\0')
            {
                folded.Append(f);
            }

            i++;
        }

        // Keep a final dot of a Latin abbreviation (Dr. Mr. H.E. U.S.) only when the word is a known short form.
        var end = i;
        if (latin && i < text.Length && text[i] == '.' && IsAbbreviation(text.AsSpan(start, i - start), text, i))
        {
            folded.Append('.');
            end = i + 1;
            // H.E. / U.S. / U.A.E.: letters separated by dots.
            while (end + 1 < text.Length && char.IsUpper(text[end]) && text[end + 1] == '.')
            {
                folded.Append(char.ToLowerInvariant(text[end])).Append('.');
                end += 2;
            }
        }

        tokens.Add(new Token
        {
            Start = start,
            End = end,
            Kind = TokenKind.Word,
            Folded = scratch.Intern(folded),
            IsArabic = arabic,
            IsLatin = latin && !arabic,
            IsCapitalized = latin && char.IsUpper(text[start]),
        });
        return end;
    }

    static bool IsAbbreviation(ReadOnlySpan<char> word, string text, int dot)
    {
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return dot + 2 < text.Length && char.IsUpper(text[dot + 1]) && text[dot + 2] == '.';
        }

        return word switch
        {
            "Dr" or "Mr" or "Mrs" or "Ms" or "Prof" or "Eng" or "Capt" or "Col" or "Gen" or "Maj" or "Brig" or "Lt" or "St" or "Jr" or "Inc" or "Ltd" or "Co" => true,
            _ => false,
        };
    }
}
