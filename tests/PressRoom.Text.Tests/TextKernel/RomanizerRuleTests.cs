namespace PressRoom.Tests.TextKernel;

/// <summary>One test per romanization rule of docs/entities.md ("Romanization").</summary>
public sealed class RomanizerRuleTests
{
    static string Romanize(string arabic) => Romanizer.RomanizePhrase(ArabicFolding.FoldPhrase(arabic).Split(' '));

    [Theory]
    [InlineData("ضاحي", "Dhahi")]       // ض → dh (Gulf)
    [InlineData("ظبي", "Dhabi")]        // ظ → dh (Gulf)
    [InlineData("ثامر", "Thamer")]      // ث → th
    [InlineData("جابر", "Jaber")]       // ج → j
    [InlineData("النقبي", "Al-Naqbi")]  // ق → q
    [InlineData("خلفان", "Khalfan")]    // خ → kh
    public void Consonants_follow_the_table_with_Gulf_choices(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("منصور", "Mansour")]    // و between consonants: ou
    [InlineData("نورة", "Noura")]
    [InlineData("موسى", "Mousa")]       // final ى: a
    [InlineData("حمدان", "Hamdan")]     // ا: a
    [InlineData("خليفة", "Khalifa")]    // ي: i
    [InlineData("سيف", "Saif")]         // ي after one initial consonant: ai
    [InlineData("فيصل", "Faisal")]
    [InlineData("نواف", "Nawaf")]       // و before ا is a consonant
    [InlineData("زياد", "Ziyad")]       // ي before ا is a consonant, after i
    public void Long_vowels_are_written_as_Gulf_releases_write_them(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("فاطمة", "Fatima")]
    [InlineData("فاطمه", "Fatima")]     // ta marbuta already folded to ه by the tokenizer
    [InlineData("الظفرة", "Al-Dhafra")]
    [InlineData("الشحانية", "Al-Shahaniya")] // -iyya
    public void Ta_marbuta_is_a(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("الشامسي", "Al-Shamsi")]  // sun letter: not assimilated (no Ash-Shamsi)
    [InlineData("الذيد", "Al-Dhaid")]     // sun letter
    [InlineData("القبيسي", "Al-Qubaisi")] // moon letter
    [InlineData("آل", "Al")]              // the family particle on its own
    [InlineData("حمدان بن زايد آل نهيان", "Hamdan bin Zayed Al Nahyan")]
    public void The_article_is_Al_before_every_letter(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("عبدالله", "Abdullah")]
    [InlineData("عبد الله", "Abdullah")]
    [InlineData("عبدالرحمن", "Abdulrahman")]
    [InlineData("عبد العزيز", "Abdulaziz")]
    [InlineData("عبد", "Abd")]
    public void Abd_and_the_article_make_one_Abdul_name(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("حسّان", "Hassan")]
    [InlineData("حسان", "Hasan")]         // folded tokens carry no shadda: the rules cannot double
    [InlineData("المرّي", "Al-Marri")]
    public void Shadda_doubles_its_consonant_when_the_text_carries_it(string arabic, string english) =>
        Assert.Equal(english, Romanizer.RomanizeWord(arabic));

    [Theory]
    [InlineData("علي", "Ali")]
    [InlineData("عادل", "Adel")]
    [InlineData("عائشة", "Aisha")]
    [InlineData("العين", "Al-Ain")]
    [InlineData("أسماء", "Asma")]         // final ء not written
    [InlineData("سعد", "Saad")]           // ع after a before a vowel: not written
    [InlineData("جعفر", "Jaafar")]        // ع closing a syllable after a: a second a
    [InlineData("الكعبي", "Al-Kaabi")]
    [InlineData("المزروعي", "Al-Mazrouei")] // ع between ou and final i: e
    public void Ain_and_hamza_are_written_only_where_Gulf_usage_shows_them(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("حمد", "Hamad")]          // CaCaC
    [InlineData("راشد", "Rashid")]        // CāCiC
    [InlineData("صالح", "Saleh")]         // CāCeC before a guttural, r or l
    [InlineData("سعيد", "Saeed")]         // CaCīC on its own: ee
    [InlineData("النعيمي", "Al-Nuaimi")]  // diminutive nisba CuCayCī
    [InlineData("مبارك", "Mubarak")]      // muCāCaC
    [InlineData("يوسف", "Yousef")]        // e after ou in a final cluster
    [InlineData("زايد", "Zayed")]         // hamza seat after ā before one final consonant: ye
    [InlineData("آمنة", "Amna")]          // initial alef
    public void Short_vowels_come_from_the_name_templates(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Theory]
    [InlineData("محمد", "Mohammed")]
    [InlineData("أحمد", "Ahmed")]
    [InlineData("محمد بن راشد آل مكتوم", "Mohammed bin Rashid Al Maktoum")]
    public void A_handful_of_documented_exceptions(string arabic, string english) =>
        Assert.Equal(english, Romanize(arabic));

    [Fact]
    public void Vocalized_and_plain_spellings_give_one_English_name_and_one_key()
    {
        var plain = Romanize("سعيد المنصوري");
        var vocalized = Romanize("سَعِيدُ المَنْصُورِيّ");
        var hamza = Romanize("عائشة المنصوري");
        var seat = Romanize("عايشه المنصوري");

        Assert.Equal("Saeed Al-Mansouri", plain);
        Assert.Equal(plain, vocalized);
        Assert.Equal("Aisha Al-Mansouri", hamza);
        Assert.Equal(hamza, seat);
        Assert.Equal(Romanizer.RomanizeWord("المنصوري"), Romanizer.RomanizeWord("المَنْصُورِيّ"));
        Assert.Equal("person:saeed-al-mansouri", EntityKeys.Make("Person", vocalized));
        Assert.Equal(EntityKeys.Make("Person", "Saeed Al Mansouri"), EntityKeys.Make("Person", plain));
    }

    [Fact]
    public void Slavic_surnames_and_tokens_with_digits_keep_their_own_spelling()
    {
        Assert.Equal("Voronkov", Romanize("فورونكوف"));
        Assert.Equal("B52", Romanizer.RomanizeWord("ب52"));
        Assert.Equal("", Romanizer.RomanizeWord("\u064E\u0651"));
        Assert.Equal("", Romanizer.RomanizeWord(""));
    }
}
