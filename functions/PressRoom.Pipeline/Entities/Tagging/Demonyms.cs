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

    /// <summary>
    /// More nationalities as they stand before a person's name in sports and news copy, nouns among them ("Dutchman",
    /// "Spaniard", "Briton"); "Saudi" stays out here too.
    /// </summary>
    static readonly HashSet<string> MoreNationalities = new(StringComparer.Ordinal)
    {
        "dutchman", "dutchwoman", "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman", "irishwoman",
        "scotsman", "welshman", "briton", "spaniard", "dane", "swede", "argentine", "argentinian", "belgian",
        "austrian", "czech", "croatian", "hungarian", "romanian", "bulgarian", "mexican", "colombian", "chilean",
        "peruvian", "venezuelan", "uruguayan", "ecuadorean", "ecuadorian", "cuban", "jamaican", "zimbabwean",
        "cameroonian", "ivorian", "senegalese", "slovak", "slovenian", "danish", "finnish", "icelandic", "irish",
        "scottish", "welsh", "english", "latvian", "lithuanian", "estonian", "belarusian", "armenian", "azerbaijani",
        "taiwanese", "singaporean", "turk", "cypriot", "maltese", "luxembourger", "kiwi", "aussie",
    };

    /// <summary>
    /// A one-word tagger name that is only a nationality: any of them as a place or person ("Omani"), the second list
    /// also as an organization ("the Spaniard", "the Briton"; the first list never vetoed a tagger organization).
    /// </summary>
    public static bool IsNoName(Token token, string category) =>
        category == "Organization" ? token.IsLatin && MoreNationalities.Contains(token.Folded) : IsNationality(token);

    /// <summary>A Latin nationality noun or adjective that may stand before a name ("Dutchman", "Australian").</summary>
    public static bool IsNationality(Token token) => token.IsLatin && (Words.Contains(token.Folded) || MoreNationalities.Contains(token.Folded));
}
