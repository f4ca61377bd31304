namespace PressRoom.TextKernel;

/// <summary>
/// The one entity-key scheme, <c>category:slug</c> (e.g. <c>organization:united-nations</c>, <c>location:الدوحه</c>,
/// <c>quantity:8.5-usd</c>), used by every provider so the <c>EntityIndex</c> table meets the same entity under one key.
/// The slug is the name folded in <see cref="FoldProfile.Key"/>: letters of any script and digits, lower case, accents
/// and apostrophes dropped, a decimal point kept between digits, a leading English "the" dropped, words joined by '-'.
/// </summary>
public static class EntityKeys
{
    public static string Make(string category, string name)
    {
        ArgumentNullException.ThrowIfNull(category);

        // One string per key: recognizers make a key for every candidate, so the pieces are not concatenated.
        var words = SlugWords(name);
        return string.Create(category.Length + 1 + words.Length, (category, words), static (key, parts) =>
        {
            parts.category.AsSpan().ToLowerInvariant(key);
            key[parts.category.Length] = ':';
            var slug = key[(parts.category.Length + 1)..];
            parts.words.AsSpan().CopyTo(slug);
            slug.Replace(' ', '-');
        });
    }

    public static string Slug(string name) => SlugWords(name).Replace(' ', '-');

    /// <summary>The slug before its spaces become '-'.</summary>
    static string SlugWords(string name) => Name(name) is { Length: > 0 } words ? words : "unnamed";

    /// <summary>The name's words in key form, joined by one space: for comparing names across languages and providers.</summary>
    public static string Name(string name)
    {
        var words = ArabicFolding.FoldWords(name, FoldProfile.Key);
        return words.StartsWith("the ", StringComparison.Ordinal) ? words[4..] : words;
    }
}
