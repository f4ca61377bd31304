namespace PressRoom.Tests.Infra;

/// <summary>The shared identity gets each data-plane role it needs, each scoped to the one resource it is for.</summary>
[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(BicepTemplatesFixture templates)
{
    // Built-in role definition ids (Azure RBAC built-in roles reference).
    const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    public static TheoryData<string, string, string> IdentityRoles => new()
    {
        { StorageBlobDataOwner, "Microsoft.Storage/storageAccounts", "" },
        { StorageQueueDataContributor, "Microsoft.Storage/storageAccounts", "" },
        { StorageTableDataContributor, "Microsoft.Storage/storageAccounts", "" },
        { MonitoringMetricsPublisher, "Microsoft.Insights/components", "" },
        { CognitiveServicesUser, "Microsoft.CognitiveServices/accounts", "TextTranslation" },
        { CognitiveServicesUser, "Microsoft.CognitiveServices/accounts", "TextAnalytics" },
    };

    IReadOnlyList<ArmResource> Assignments => templates.Main.OfType("Microsoft.Authorization/roleAssignments").ToList();

    ArmResource Identity => templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    [Theory]
    [MemberData(nameof(IdentityRoles))]
    public void The_identity_holds_the_role_on_exactly_that_resource(string roleId, string scopeType, string kind)
    {
        var target = templates.Main.Single(scopeType, r => kind.Length == 0 || r.String("kind") == kind);
        var expectedRole = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]";

        var matches = Assignments.Where(a =>
            a.String("properties.roleDefinitionId") == expectedRole
            && a.Element.TryAt("scope", out var scope) && scope.GetString() == $"[{target.ResourceIdExpression}]").ToList();

        var assignment = Assert.Single(matches);
        Assert.True(ArmExpression.References(assignment.String("properties.principalId"), Identity, "principalId"));
        Assert.Equal("ServicePrincipal", assignment.String("properties.principalType"));
        Assert.False(assignment.Element.TryGetProperty("condition", out _), "The app's roles are unconditional.");
    }

    [Fact]
    public void Nothing_else_is_granted_to_the_identity_and_nothing_at_group_or_subscription_scope()
    {
        var identityAssignments = Assignments
            .Where(a => ArmExpression.References(a.String("properties.principalId"), Identity, "principalId"))
            .ToList();

        // + the optional Azure OpenAI role (ChatModelTemplateTests), granted only with deployOpenAI.
        Assert.Equal(IdentityRoles.Count + 1, identityAssignments.Count);
        Assert.All(Assignments, a => Assert.True(a.Element.TryGetProperty("scope", out _), "Every role assignment is scoped to one resource."));
    }

    [Fact]
    public void The_operator_may_only_write_to_the_releases_container_and_only_when_named()
    {
        var operatorAssignment = Assert.Single(Assignments, a => a.String("properties.principalId") == "[parameters('operatorPrincipalId')]");

        Assert.Equal($"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{StorageBlobDataContributor}')]",
            operatorAssignment.String("properties.roleDefinitionId"));
        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", operatorAssignment.String("condition"));
        var scope = operatorAssignment.String("scope");
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', ", scope, StringComparison.Ordinal);
        Assert.EndsWith(", 'default', variables('appContainerNames')[0])]", scope, StringComparison.Ordinal);
        Assert.Equal("releases", templates.Main.Variable("appContainerNames")[0].GetString());
    }

    [Fact]
    public void Role_assignment_names_are_deterministic_so_redeploys_are_idempotent()
    {
        Assert.All(Assignments, a => Assert.StartsWith("[guid(", a.Name, StringComparison.Ordinal));
        Assert.Equal(Assignments.Count, Assignments.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
