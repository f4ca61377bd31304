namespace PressRoom.Tests.Infra;

/// <summary>The optional Azure OpenAI account for Translation:Provider=chat: off by default, key-less, reached by the identity.</summary>
[Collection(InfraCollection.Name)]
public sealed class ChatModelTemplateTests(BicepTemplatesFixture templates)
{
    const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    const string Condition = "[parameters('deployOpenAI')]";

    ArmResource OpenAI => templates.Main.Single("Microsoft.CognitiveServices/accounts", a => a.String("kind") == "OpenAI");

    IReadOnlyDictionary<string, string> Settings =>
        templates.Main.Single("Microsoft.Web/sites").At("properties.siteConfig.appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.Ordinal);

    [Fact]
    public void The_account_and_its_model_deployment_exist_only_when_asked_for()
    {
        Assert.False(templates.Main.Parameter("deployOpenAI").GetProperty("defaultValue").GetBoolean());
        Assert.Equal(Condition, OpenAI.String("condition"));
        var deployment = templates.Main.Single("Microsoft.CognitiveServices/accounts/deployments");
        Assert.Equal(Condition, deployment.String("condition"));
        Assert.Equal("[parameters('openAIModelName')]", deployment.String("properties.model.name"));
        Assert.Equal("OpenAI", deployment.String("properties.model.format"));
    }

    [Fact]
    public void The_identity_gets_OpenAI_User_on_that_account_only_when_it_exists()
    {
        var identity = templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var assignment = Assert.Single(templates.Main.OfType("Microsoft.Authorization/roleAssignments"), a =>
            a.String("properties.roleDefinitionId") == $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{CognitiveServicesOpenAIUser}')]");

        Assert.Equal($"[{OpenAI.ResourceIdExpression}]", assignment.String("scope"));
        Assert.Equal(Condition, assignment.String("condition"));
        Assert.True(ArmExpression.References(assignment.String("properties.principalId"), identity, "principalId"));
    }

    [Fact]
    public void The_app_gets_the_v1_endpoint_and_deployment_name_and_no_key()
    {
        Assert.Contains("openai/v1", Settings["Translation__Chat__Endpoint"], StringComparison.Ordinal);
        Assert.Contains("deployOpenAI", Settings["Translation__Chat__Endpoint"], StringComparison.Ordinal);
        Assert.Contains("deployOpenAI", Settings["Translation__Chat__Model"], StringComparison.Ordinal);
        Assert.DoesNotContain("Translation__Chat__Key", Settings.Keys);
        Assert.Contains("chat", templates.Main.Parameter("translationProvider").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }
}
