using PressRoom.Pipeline.Entities.Builtin.Text;
using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities;

public sealed class CliticTests
{
    [Theory]
    [InlineData("وبالدوحة", "الدوحه", 2)]
    [InlineData("للعام", "العام", 1)]
    [InlineData("لدولة", "دوله", 1)]
    [InlineData("فالمكتب", "المكتب", 1)]
    [InlineData("كمصر", "مصر", 1)]
    public void Proclitics_are_stripped_from_word_starts(string word, string stem, int spanPrefix)
    {
        var variants = ArabicClitics.Variants(ArabicFolding.Fold(word));
        Assert.Contains(variants, v => v.Stem == stem && v.SpanPrefix == spanPrefix);
    }

    [Theory]
    [InlineData("المندوب الدائم لدولة قطر لدى الأمم المتحدة", "Location", "دولة قطر")]
    [InlineData("الحوار الذي عقد بالدوحة أمس", "Location", "الدوحة")]
    [InlineData("نوه بميثاق العمل وبجمهورية كوريا", "Location", "جمهورية كوريا")]
    [InlineData("التابعة لمجلس الأمن في تحديد", "Organization", "مجلس الأمن")]
    [InlineData("مع مكتب الأمم المتحدة ومنظمة الصحة العالمية", "Organization", "منظمة الصحة العالمية")]
    public void Entity_spans_start_after_the_clitic(string text, string category, string span)
    {
        Single(Extract(text), category, span);
    }

    [Fact]
    public void Folding_unifies_hamza_forms_and_digits_but_keeps_alef_maqsura()
    {
        Assert.Equal(ArabicFolding.Fold("الأمم"), ArabicFolding.Fold("الامم"));
        Assert.Equal("2024", ArabicFolding.Fold("٢٠٢٤"));
        Assert.NotEqual(ArabicFolding.Fold("على"), ArabicFolding.Fold("علي"));
    }
}

public sealed class NameTests
{
    const string Seedish = "وافتتحت سعادة الشيخة علياء أحمد بن سيف آل ثاني، المندوب الدائم لدولة قطر لدى الأمم المتحدة، الحوار، وسعادة اللواء عبد العزيز عبد الله الأنصاري، مدير إدارة التعاون الدولي.\n\nورحبت سعادة الشيخة علياء بالمشاركين. ونوه سعادة اللواء الأنصاري بالنتائج، وقال الأنصاري إن التعاون مستمر.";

    [Fact]
    public void Honorifics_are_stripped_and_kept_as_an_attribute()
    {
        var entities = Extract(Seedish);
        var alya = Single(entities, "Person", "علياء أحمد بن سيف آل ثاني");
        Assert.Equal("سعادة الشيخة", alya.Attributes!["honorific"]);
        Assert.Equal("person:alya-ahmed-bin-saif-al-thani", alya.Key);
        Assert.Equal("Alya Ahmed bin Saif Al Thani", alya.English);
        Assert.Equal(2, entities.Count(e => e.Category == "PersonType" && e.Text == "اللواء"));
    }

    [Fact]
    public void Short_later_mentions_link_to_the_full_name()
    {
        var entities = Extract(Seedish);
        var full = Single(entities, "Person", "عبد العزيز عبد الله الأنصاري");
        var shortMentions = entities.Where(e => e.Category == "Person" && e.Text == "الأنصاري").ToList();
        Assert.Equal(2, shortMentions.Count);
        Assert.All(shortMentions, m =>
        {
            Assert.Equal(full.Key, m.Key);
            Assert.Equal(full.Key, m.Attributes!["linkedTo"]);
        });
        var alya = Single(entities, "Person", "علياء");
        Assert.Equal("person:alya-ahmed-bin-saif-al-thani", alya.Attributes!["linkedTo"]);
    }

    [Fact]
    public void Unknown_names_are_romanized_and_flagged()
    {
        var person = Single(Extract("من جانبه أعرب السيد فلاديمير فورونكوف، مدير المكتب، عن امتنانه."), "Person", "فلاديمير فورونكوف");
        Assert.Equal("true", person.Attributes!["romanized"]);
        Assert.StartsWith("Vladimir ", person.English, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_organization_wins()
    {
        var entities = Extract("بين دولة قطر ومكتب الأمم المتحدة لمكافحة الإرهاب يبحث مجالات التعاون");
        var office = Single(entities, "Organization", "مكتب الأمم المتحدة لمكافحة الإرهاب");
        Assert.Equal("United Nations Office of Counter-Terrorism", office.English);
        Assert.DoesNotContain(entities, e => e.Text == "الأمم المتحدة");
    }

    [Fact]
    public void Rule_based_organizations_follow_the_idafa_chain()
    {
        var entities = Extract("ورئيس اللجنة الوطنية لمكافحة الإرهاب في وزارة الداخلية، وحكومة دولة قطر.");
        Single(entities, "Organization", "اللجنة الوطنية لمكافحة الإرهاب");
        Single(entities, "Organization", "وزارة الداخلية");
        Assert.Equal("Government of Qatar", Single(entities, "Organization", "حكومة دولة قطر").English);
    }

    [Fact]
    public void Places_and_bodies_share_keys_across_languages()
    {
        var arabic = Extract("وقعت الاتفاقية في عمّان بين الأردن وبرنامج الأمم المتحدة الإنمائي");
        var english = Extract("The agreement was signed in Amman between Jordan and the United Nations Development Programme", "en");
        foreach (var key in new[] { "location:amman", "location:jordan", "organization:united-nations-development-programme" })
        {
            Assert.Contains(arabic, e => e.Key == key);
            Assert.Contains(english, e => e.Key == key);
        }
    }

    [Fact]
    public void Diacritics_choose_between_homographs()
    {
        Assert.Equal("location:amman", Single(Extract("في عمّان اليوم"), "Location", "عمّان").Key);
        Assert.Equal("location:oman", Single(Extract("رؤية عُمان 2040"), "Location", "عُمان").Key);
    }

    [Fact]
    public void English_people_organizations_events_and_structures()
    {
        const string text = "Sheikh Saif bin Hilal Al Harthy, Chairman of the Organizing Committee, said the race will start at the Royal Opera House Muscat. The Muscat International Marathon is organised by the Ministry of Culture. Al Harthy said 40% of runners come from abroad.";
        var entities = Extract(text, "en");
        var person = Single(entities, "Person", "Saif bin Hilal Al Harthy");
        Assert.Equal("Sheikh", person.Attributes!["honorific"]);
        Assert.Equal(person.Key, Single(entities, "Person", "Al Harthy").Attributes!["linkedTo"]);
        Single(entities, "PersonType", "Chairman");
        Single(entities, "Organization", "Organizing Committee");
        Single(entities, "Organization", "Ministry of Culture");
        Assert.Equal("Structure", Single(entities, "Location", "Royal Opera House Muscat").Subcategory);
        Single(entities, "Event", "Muscat International Marathon");
    }
}
