using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Maintenance;
using PressRoom.Pipeline.Translation.Chat;
using PressRoom.Tests.Infra;

namespace PressRoom.Tests.Functions;

/// <summary>Every option the pipeline binds in the Functions app is a setting the deployment contract knows about, and vice versa.</summary>
public class AppSettingsReadByFunctionsTests
{
    static readonly (string Section, Type Options)[] BoundInAzure =
    [
        (TranslationOptions.Section, typeof(TranslationOptions)),
        (EntitiesOptions.Section, typeof(EntitiesOptions)),
        (LanguageServiceOptions.Section, typeof(LanguageServiceOptions)),
        (HistoryRetentionOptions.Section, typeof(HistoryRetentionOptions)),
        (ChatTranslationOptions.Section.Replace(":", "__", StringComparison.Ordinal), typeof(ChatTranslationOptions)),
    ];

    static IEnumerable<string> SettingNames() => BoundInAzure.SelectMany(b =>
        b.Options.GetProperties().Where(p => p.CanWrite).Select(p => $"{b.Section}__{p.Name}"));

    [Fact]
    public void Every_pipeline_setting_is_either_provided_by_the_template_or_deliberately_left_to_local_use()
    {
        var known = AppSettingsContract.ReadByApp.Union(AppSettingsContract.NeverSetByTemplate).ToHashSet(StringComparer.Ordinal);
        Assert.All(SettingNames(), name => Assert.Contains(name, known));
    }

    [Fact]
    public void Every_pipeline_setting_in_the_contract_is_one_the_app_really_binds()
    {
        var read = SettingNames().ToHashSet(StringComparer.Ordinal);
        var sections = BoundInAzure.Select(b => b.Section + "__").ToArray();
        var contractPipelineSettings = AppSettingsContract.ReadByApp.Where(n => sections.Any(s => n.StartsWith(s, StringComparison.Ordinal)));
        Assert.All(contractPipelineSettings, name => Assert.Contains(name, read));
    }
}
