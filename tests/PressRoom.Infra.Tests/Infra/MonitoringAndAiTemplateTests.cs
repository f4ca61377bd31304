namespace PressRoom.Tests.Infra;

/// <summary>Azure AI accounts and monitoring accept Entra ID only.</summary>
[Collection(InfraCollection.Name)]
public sealed class MonitoringAndAiTemplateTests(BicepTemplatesFixture templates)
{
    [Theory]
    [InlineData("TextTranslation")]
    [InlineData("TextAnalytics")]
    [InlineData("OpenAI")]
    public void AI_accounts_disable_keys_and_have_a_custom_subdomain(string kind)
    {
        var account = templates.Main.Single("Microsoft.CognitiveServices/accounts", a => a.String("kind") == kind);

        Assert.True(account.At("properties.disableLocalAuth").GetBoolean());
        // Entra ID tokens are only accepted on a custom-subdomain endpoint.
        Assert.False(string.IsNullOrWhiteSpace(account.String("properties.customSubDomainName")));
    }

    [Fact]
    public void There_is_one_Translator_and_one_Language_account_and_an_optional_OpenAI_one()
    {
        Assert.Equal(
            ["OpenAI", "TextAnalytics", "TextTranslation"],
            templates.Main.OfType("Microsoft.CognitiveServices/accounts").Select(a => a.String("kind")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Application_Insights_accepts_Entra_ID_telemetry_only_and_writes_to_Log_Analytics()
    {
        var appInsights = templates.Main.Single("Microsoft.Insights/components");
        var workspace = templates.Main.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(appInsights.At("properties.DisableLocalAuth").GetBoolean());
        Assert.Equal($"[{workspace.ResourceIdExpression}]", appInsights.String("properties.WorkspaceResourceId"));
        Assert.Equal("LogAnalytics", appInsights.String("properties.IngestionMode"));
        Assert.True(workspace.At("properties.features.disableLocalAuth").GetBoolean());
    }
}
