using System.Globalization;
using System.Text;

namespace PressRoom.Host.Bench;

/// <summary>
/// Generates realistic press releases (Arabic or English, 2–8 KB) for load runs: a headline, a dateline and
/// paragraphs that mention officials, bodies, places, dates and amounts. Deterministic for a given seed.
/// </summary>
public sealed class ReleaseGenerator(int seed)
{
    readonly Random random = new(seed);

    static readonly string[] ArPeople = ["سعادة الدكتور خالد بن محمد العطية", "معالي السيدة مريم الكعبي", "الشيخ حمد بن جاسم آل ثاني", "السفير يوسف الحمادي", "الدكتورة هند المفتاح", "المهندس سعد الشهري"];
    static readonly string[] ArRoles = ["وزير الدولة للشؤون الخارجية", "المندوب الدائم لدى الأمم المتحدة", "رئيس مجلس الإدارة", "المدير العام", "وكيل الوزارة المساعد"];
    static readonly string[] ArOrgs = ["وزارة الخارجية", "برنامج الأمم المتحدة الإنمائي", "منظمة الصحة العالمية", "صندوق قطر للتنمية", "جامعة الدول العربية", "مكتب الأمم المتحدة لمكافحة الإرهاب", "الهلال الأحمر القطري"];
    static readonly string[] ArPlaces = ["الدوحة", "نيويورك", "جنيف", "عمّان", "القاهرة", "بيروت", "تونس", "الرياض", "مطار حمد الدولي"];
    static readonly string[] ArMonths = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    static readonly string[] ArTopics = ["دعم التعليم في المناطق المتضررة", "تعزيز الأمن الغذائي", "مكافحة تغير المناخ", "حماية اللاجئين", "تمكين الشباب", "التحول الرقمي في الخدمات الحكومية"];

    static readonly string[] EnPeople = ["H.E. Dr. Khalid bin Mohammed Al-Attiyah", "Ms. Maryam Al-Kaabi", "Ambassador Yousef Al-Hammadi", "Dr. Hind Al-Muftah", "Eng. Saad Al-Shehri", "Mr. James Whitfield"];
    static readonly string[] EnRoles = ["Minister of State for Foreign Affairs", "Permanent Representative to the United Nations", "Chairman of the Board", "Director General", "Assistant Undersecretary"];
    static readonly string[] EnOrgs = ["Ministry of Foreign Affairs", "United Nations Development Programme", "World Health Organization", "Qatar Fund for Development", "League of Arab States", "United Nations Office of Counter-Terrorism", "Qatar Red Crescent"];
    static readonly string[] EnPlaces = ["Doha", "New York", "Geneva", "Amman", "Cairo", "Beirut", "Tunis", "Riyadh", "Hamad International Airport"];
    static readonly string[] EnTopics = ["education in affected areas", "food security", "climate action", "refugee protection", "youth empowerment", "digital government services"];

    public (string Name, string Text) Next(int index)
    {
        bool arabic = random.Next(3) != 0;
        int target = random.Next(2_000, 8_000);
        var text = arabic ? Arabic(target) : English(target);
        return ($"bench/{index:D5}-{(arabic ? "ar" : "en")}.txt", text);
    }

    string Pick(string[] items) => items[random.Next(items.Length)];

    string Arabic(int targetBytes)
    {
        var sb = new StringBuilder();
        var place = Pick(ArPlaces);
        var topic = Pick(ArTopics);
        sb.Append(CultureInfo.InvariantCulture, $"{Pick(ArOrgs)} توقّع اتفاقية بشأن {topic}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{place} – المكتب الإعلامي – {random.Next(1, 29)} {Pick(ArMonths)} 2026\n\n");
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes)
        {
            sb.Append(random.Next(4) switch
            {
                0 => $"وقّع {Pick(ArPeople)} {Pick(ArRoles)} اليوم في {Pick(ArPlaces)} اتفاقية مع {Pick(ArOrgs)} بقيمة {random.Next(2, 90)} مليون دولار لدعم {topic} خلال السنوات {random.Next(2, 6)} المقبلة.",
                1 => $"وأكد {Pick(ArPeople)} أن {Pick(ArOrgs)} ستعمل مع شركائها في {Pick(ArPlaces)} على تنفيذ {random.Next(3, 40)} مشروعاً بحلول عام {random.Next(2027, 2032)}، بما يعزز {Pick(ArTopics)}.",
                2 => $"وأشار التقرير إلى أن نسبة الإنجاز بلغت {random.Next(10, 95)}% في {Pick(ArMonths)} الماضي، وأن عدد المستفيدين تجاوز {random.Next(1, 99)},{random.Next(100, 999)} شخص في {Pick(ArPlaces)}.",
                _ => $"ومن المقرر أن يُعقد الاجتماع المقبل في {Pick(ArPlaces)} يوم {random.Next(1, 29)} {Pick(ArMonths)} بمشاركة ممثلين عن {Pick(ArOrgs)} و{Pick(ArOrgs)}.",
            });
            sb.Append(random.Next(3) == 0 ? "\n\n" : " ");
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    string English(int targetBytes)
    {
        var sb = new StringBuilder();
        var topic = Pick(EnTopics);
        sb.Append(CultureInfo.InvariantCulture, $"{Pick(EnOrgs)} signs agreement on {topic}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Pick(EnPlaces)} – Media Office – {random.Next(1, 29)} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(random.Next(1, 13))} 2026\n\n");
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes)
        {
            sb.Append(random.Next(4) switch
            {
                0 => $"{Pick(EnPeople)}, {Pick(EnRoles)}, today signed in {Pick(EnPlaces)} an agreement with the {Pick(EnOrgs)} worth ${random.Next(2, 90)} million to support {topic} over the next {random.Next(2, 6)} years.",
                1 => $"{Pick(EnPeople)} said the {Pick(EnOrgs)} would work with partners in {Pick(EnPlaces)} to deliver {random.Next(3, 40)} projects by {random.Next(2027, 2032)}.",
                2 => $"The report found that {random.Next(10, 95)} percent of the work was completed in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(random.Next(1, 13))}, reaching more than {random.Next(1, 99)},{random.Next(100, 999)} people in {Pick(EnPlaces)}.",
                _ => $"The next meeting will be held in {Pick(EnPlaces)} on {random.Next(1, 29)} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(random.Next(1, 13))} with representatives of the {Pick(EnOrgs)}.",
            });
            sb.Append(random.Next(3) == 0 ? "\n\n" : " ");
        }

        return sb.ToString().TrimEnd() + "\n";
    }
}
