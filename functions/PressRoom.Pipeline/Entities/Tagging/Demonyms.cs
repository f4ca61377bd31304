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

    /// <summary>Nationality nouns and adjectives that stand before a person's name in sports and news copy.</summary>
    static readonly HashSet<string> BeforeNames = new(StringComparer.Ordinal)
    {
        "dutchman", "dutchwoman", "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman", "irishwoman",
        "scotsman", "welshman", "briton", "spaniard", "dane", "swede", "norwegian", "argentine", "argentinian",
        "belgian", "austrian", "czech", "croatian", "hungarian", "romanian", "bulgarian", "mexican", "colombian",
        "chilean", "peruvian", "venezuelan", "uruguayan", "ecuadorean", "ecuadorian", "cuban", "jamaican", "kenyan",
        "ethiopian", "zimbabwean", "cameroonian", "ivorian", "senegalese", "slovak", "slovenian", "danish", "finnish",
        "icelandic", "irish", "scottish", "welsh", "english", "latvian", "lithuanian", "estonian", "belarusian",
        "armenian", "azerbaijani", "taiwanese", "singaporean", "ghanaian", "nigerian", "egyptian", "moroccan",
        "tunisian", "algerian", "saudi", "iranian", "israeli", "turk", "greek", "cypriot", "maltese", "luxembourger",
        "kiwi", "aussie", "american", "canadian", "australian", "brazilian", "german", "italian", "russian", "swiss",
        "japanese", "chinese", "korean", "indian", "pakistani", "ukrainian", "polish", "portuguese", "serbian",
        "swedish", "french", "spanish", "british", "dutch", "qatari", "emirati", "kuwaiti", "bahraini", "omani",
    };

    /// <summary>A single Latin token that is a nationality adjective.</summary>
    public static bool IsDemonym(Token token) => token.IsLatin && Words.Contains(token.Folded);

    /// <summary>
    /// A one-word tagger name that is only a nationality: an adjective as a place or person ("Omani"), a nationality
    /// noun as anything ("the Spaniard", "the Briton").
    /// </summary>
    public static bool IsNoName(Token token, string category) =>
        category == "Organization" ? token.IsLatin && !Words.Contains(token.Folded) && BeforeNames.Contains(token.Folded) : IsNationality(token);

    /// <summary>A Latin nationality noun or adjective that may stand before a name ("Dutchman", "Australian").</summary>
    public static bool IsNationality(Token token) => token.IsLatin && (Words.Contains(token.Folded) || BeforeNames.Contains(token.Folded));
}
