using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English nationality adjectives ("Omani investors", "Emirati firms"): the news-trained tagger sometimes names them as
/// a place or a person on their own, which they never are (news annotation counts them as MISC). "Saudi" is left out:
/// releases also write it for the country.
/// </summary>
internal static class Demonyms
{
    static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "omani", "emirati", "qatari", "kuwaiti", "bahraini", "yemeni", "iraqi", "jordanian", "egyptian", "lebanese",
        "syrian", "palestinian", "sudanese", "libyan", "tunisian", "algerian", "moroccan", "mauritanian", "somali",
        "iranian", "turkish", "pakistani", "indian", "bangladeshi", "afghan", "israeli", "kenyan", "ghanaian",
        "nigerian", "ethiopian", "tanzanian", "ugandan", "rwandan", "american", "british", "french", "german",
        "italian", "spanish", "russian", "chinese", "japanese", "korean", "brazilian", "canadian", "australian",
        "uzbek", "kazakh", "serbian", "dutch", "swiss", "swedish", "norwegian", "greek", "portuguese", "indonesian",
        "malaysian", "filipino", "thai", "vietnamese", "ukrainian", "polish", "european", "african", "asian", "arab",
    };

    /// <summary>A single Latin token that is a nationality adjective.</summary>
    public static bool IsDemonym(Token token) => token.IsLatin && Words.Contains(token.Folded);
}
