using System.Text;

namespace PressRoom.Pipeline.Language;

/// <summary>
/// Offline language detection: the dominant script decides first (Arabic, Cyrillic, Hebrew, CJK …);
/// within Arabic and Latin script, distinctive letters and function words pick the language.
/// </summary>
public sealed class ScriptLanguageDetector : ILanguageDetector
{
    static readonly (string Language, string[] Words)[] LatinLanguages =
    [
        ("en", ["the", "and", "of", "to", "in", "is", "for", "on", "with", "said", "will", "was", "that"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "du", "sur"]),
        ("es", ["el", "los", "las", "del", "y", "es", "una", "en", "para", "que", "por", "con"]),
        ("de", ["der", "die", "das", "und", "ist", "ein", "eine", "mit", "für", "den", "von", "nicht"]),
        ("it", ["il", "della", "che", "di", "e", "per", "una", "sono", "con", "gli", "del"]),
        ("pt", ["o", "os", "das", "dos", "e", "uma", "para", "com", "não", "que", "em"]),
        ("tr", ["ve", "bir", "bu", "için", "ile", "olarak", "da", "de", "olan"]),
        ("id", ["yang", "dan", "di", "untuk", "dengan", "ini", "dari", "dalam"]),
    ];

    public LanguageDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int letters = 0, persian = 0, urdu = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            letters++;
            var script = ScriptOf(rune.Value);
            counts[script] = counts.GetValueOrDefault(script) + 1;
            switch (rune.Value)
            {
                case 0x067E or 0x0686 or 0x0698 or 0x06AF or 0x06A9 or 0x06CC: persian++; break;
                case 0x0679 or 0x0688 or 0x0691 or 0x06BA or 0x06D2 or 0x06BE: urdu++; break;
            }
        }

        if (letters == 0)
        {
            return new LanguageDetection("und", "Zyyy", 0);
        }

        var (dominant, count) = counts.MaxBy(kv => kv.Value);
        double share = (double)count / letters;
        return dominant switch
        {
            "Arab" when urdu > count / 200 + 2 => new("ur", "Arab", share * 0.9),
            "Arab" when persian > count / 100 + 2 => new("fa", "Arab", share * 0.9),
            "Arab" => new("ar", "Arab", share),
            "Latn" => DetectLatin(text, share),
            "Cyrl" => new("ru", "Cyrl", share * 0.8),
            "Hebr" => new("he", "Hebr", share),
            "Grek" => new("el", "Grek", share),
            "Hani" => new("zh", "Hani", share * 0.9),
            "Jpan" => new("ja", "Jpan", share),
            "Hang" => new("ko", "Hang", share),
            "Deva" => new("hi", "Deva", share * 0.9),
            _ => new("und", dominant, share * 0.5),
        };
    }

    static LanguageDetection DetectLatin(string text, double share)
    {
        var words = text.Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var scores = new int[LatinLanguages.Length];
        int sampled = 0;
        foreach (var raw in words)
        {
            if (++sampled > 5000)
            {
                break;
            }

            var word = raw.ToLowerInvariant();
            for (int i = 0; i < LatinLanguages.Length; i++)
            {
                if (Array.IndexOf(LatinLanguages[i].Words, word) >= 0)
                {
                    scores[i]++;
                }
            }
        }

        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        int total = scores.Sum();
        double confidence = total == 0 ? 0.3 : share * scores[best] / total;
        return new LanguageDetection(total == 0 ? "en" : LatinLanguages[best].Language, "Latn", Math.Round(confidence, 3));
    }

    static string ScriptOf(int cp) => cp switch
    {
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x08A0 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => "Arab",
        <= 0x024F or >= 0x1E00 and <= 0x1EFF => "Latn",
        >= 0x0370 and <= 0x03FF => "Grek",
        >= 0x0400 and <= 0x04FF => "Cyrl",
        >= 0x0590 and <= 0x05FF => "Hebr",
        >= 0x0900 and <= 0x097F => "Deva",
        >= 0x3040 and <= 0x30FF => "Jpan",
        >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF => "Hang",
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF => "Hani",
        _ => "Zyyy",
    };
}
