using System.Text.Json;

namespace PressRoom.Tests.Infra;

/// <summary>The Function App's settings: exactly the contract, and nothing secret in them.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(BicepTemplatesFixture templates)
{
    ArmResource FunctionApp => templates.Main.Single("Microsoft.Web/sites");

    ArmResource Identity => templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    IReadOnlyDictionary<string, string> Settings =>
        FunctionApp.At("properties.siteConfig.appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.Ordinal);

    [Fact]
    public void Settings_are_declared_in_one_place_only()
    {
        // A separate config/appsettings resource would replace siteConfig.appSettings and escape the checks below.
        Assert.DoesNotContain(templates.Main.Resources, r => r.Type.Equals("Microsoft.Web/sites/config", StringComparison.OrdinalIgnoreCase));
        var names = FunctionApp.At("properties.siteConfig.appSettings").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_template_provides_every_setting_the_app_reads_and_nothing_else()
    {
        var set = Settings.Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(AppSettingsContract.SetByTemplate.Except(set)); // missing: the app would run misconfigured
        Assert.Empty(set.Except(AppSettingsContract.SetByTemplate)); // extra: unused or unknown to the contract
    }

    [Fact]
    public void Settings_the_app_reads_but_Azure_does_not_need_are_left_out()
    {
        Assert.Empty(AppSettingsContract.ReadButNotSetByTemplate.Intersect(Settings.Keys));
        Assert.Empty(AppSettingsContract.NeverSetByTemplate.Intersect(Settings.Keys, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_setting_carries_a_storage_key_a_connection_string_or_any_secret()
    {
        foreach (var (name, value) in Settings)
        {
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", value, StringComparison.OrdinalIgnoreCase);
            Assert.False(name.EndsWith("Key", StringComparison.OrdinalIgnoreCase), $"{name} looks like a key setting.");
            Assert.False(
                name.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING",
                $"{name} looks like a connection string.");
        }

        // Nothing in stage 1 reads a secret at all: no listKeys / listSecrets anywhere in the template.
        var whole = templates.Main.Root.GetRawText();
        Assert.DoesNotContain("listKeys(", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("listSecrets(", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_storage_uses_the_user_assigned_identity_and_service_uris()
    {
        var storage = templates.Main.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("managedidentity", Settings["AzureWebJobsStorage__credential"]);
        Assert.True(ArmExpression.References(Settings["AzureWebJobsStorage__clientId"], Identity, "clientId"));
        Assert.True(ArmExpression.References(Settings["AzureWebJobsStorage__blobServiceUri"], storage, "primaryEndpoints.blob"));
        Assert.True(ArmExpression.References(Settings["AzureWebJobsStorage__queueServiceUri"], storage, "primaryEndpoints.queue"));
        Assert.True(ArmExpression.References(Settings["AzureWebJobsStorage__tableServiceUri"], storage, "primaryEndpoints.table"));
    }

    [Fact]
    public void Azure_SDK_credentials_pick_the_same_identity()
    {
        Assert.True(ArmExpression.References(Settings["AZURE_CLIENT_ID"], Identity, "clientId"));
    }

    [Fact]
    public void Telemetry_is_sent_with_Entra_ID_as_the_identity()
    {
        var appInsights = templates.Main.Single("Microsoft.Insights/components");

        Assert.True(ArmExpression.References(Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], appInsights, "ConnectionString"));
        Assert.Equal(
            $"[format('Authorization=AAD;ClientId={{0}}', reference({Identity.ResourceIdExpression}, '2023-01-31').clientId)]",
            Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void AI_endpoints_come_from_the_matching_accounts()
    {
        var translator = templates.Main.Single("Microsoft.CognitiveServices/accounts", a => a.String("kind") == "TextTranslation");
        var language = templates.Main.Single("Microsoft.CognitiveServices/accounts", a => a.String("kind") == "TextAnalytics");

        Assert.True(ArmExpression.References(Settings["Translation__Endpoint"], translator, "endpoint"));
        Assert.True(ArmExpression.References(Settings["Language__Endpoint"], language, "endpoint"));
    }

    [Theory]
    [InlineData("Translation__Provider", "translationProvider", "azure")]
    [InlineData("Translation__TargetLanguages", "translationTargetLanguages", "en")]
    [InlineData("Entities__Provider", "entitiesProvider", "both")]
    public void Provider_choices_are_parameters_with_sane_defaults(string setting, string parameter, string defaultValue)
    {
        Assert.Equal($"[parameters('{parameter}')]", Settings[setting]);
        Assert.Equal(defaultValue, templates.Main.Parameter(parameter).GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Provider_parameters_allow_only_values_the_pipeline_knows()
    {
        Assert.Equal(["none", "azure", "chat"], AllowedValues("translationProvider"));
        Assert.Equal(["builtin", "azure", "both"], AllowedValues("entitiesProvider"));
    }

    [Fact]
    public void The_durable_task_hub_is_named_per_environment()
    {
        Assert.Equal("[variables('durableTaskHubName')]", Settings["DurableTaskHubName"]);
        var hub = templates.Main.Variable("durableTaskHubName").GetString()!;
        Assert.Contains("parameters('environmentName')", hub, StringComparison.Ordinal);
        Assert.StartsWith("[take(", hub, StringComparison.Ordinal); // hub names are at most 45 characters
        Assert.EndsWith(", 45)]", hub, StringComparison.Ordinal);
    }

    IEnumerable<string?> AllowedValues(string parameter) =>
        templates.Main.Parameter(parameter).GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString());
}
