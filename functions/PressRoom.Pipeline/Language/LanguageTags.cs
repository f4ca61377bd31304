namespace PressRoom.Pipeline.Language;

/// <summary>BCP 47 language tags as the providers compare them.</summary>
public static class LanguageTags
{
    /// <summary>True when both tags name the same language, whatever the region or script ("en-GB" and "en").</summary>
    public static bool SameLanguage(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Split('-')[0], b.Split('-')[0], StringComparison.OrdinalIgnoreCase);
    }
}
