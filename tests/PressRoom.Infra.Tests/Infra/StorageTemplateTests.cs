using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infra;

/// <summary>The storage account is key-less, TLS 1.2+, HTTPS only and private, and holds what the app expects.</summary>
[Collection(InfraCollection.Name)]
public sealed class StorageTemplateTests(BicepTemplatesFixture templates)
{
    ArmResource Storage => templates.Main.Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void Shared_key_access_is_disabled_so_only_Entra_ID_works()
    {
        Assert.False(Storage.At("properties.allowSharedKeyAccess").GetBoolean());
        Assert.True(Storage.At("properties.defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void Transport_is_HTTPS_only_with_TLS_1_2_minimum()
    {
        Assert.Equal("TLS1_2", Storage.String("properties.minimumTlsVersion"));
        Assert.True(Storage.At("properties.supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void No_blob_is_ever_public()
    {
        Assert.False(Storage.At("properties.allowBlobPublicAccess").GetBoolean());
        var containers = templates.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.String("properties.publicAccess")));
    }

    [Fact]
    public void Deleted_blobs_and_containers_stay_recoverable()
    {
        var blobService = templates.Main.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True(blobService.At("properties.deleteRetentionPolicy.enabled").GetBoolean());
        Assert.True(blobService.At("properties.containerDeleteRetentionPolicy.enabled").GetBoolean());
        Assert.True(templates.Main.Parameter("softDeleteRetentionDays").GetProperty("defaultValue").GetInt32() >= 7);
    }

    [Fact]
    public void Containers_tables_and_queue_are_the_ones_the_pipeline_uses()
    {
        Assert.Equal(
            [StorageNames.ReleasesContainer, StorageNames.ProcessedContainer, StorageNames.QuarantineContainer],
            templates.Main.Variable("appContainerNames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            [StorageNames.ReleasesTable, StorageNames.ReleaseEntitiesTable, StorageNames.EntityIndexTable, StorageNames.BlobReceiptsTable],
            templates.Main.Variable("tableNames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(StorageNames.EventsQueue, templates.Main.Variable("eventsQueueName").GetString());

        // Each list is actually deployed: one resource per entry (copy loops) and the queue.
        Assert.Contains(templates.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            r => r.Element.TryAt("copy.count", out var count) && count.GetString() == "[length(variables('appContainerNames'))]");
        Assert.Contains(templates.Main.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"),
            r => r.Element.TryAt("copy.count", out var count) && count.GetString() == "[length(variables('tableNames'))]");
        Assert.Equal(StorageNames.DeletionsQueue, templates.Main.Variable("deletionsQueueName").GetString());
        var queues = templates.Main.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.Name).ToList();
        Assert.Equal(2, queues.Count);
        Assert.Contains(queues, n => n.Contains("eventsQueueName", StringComparison.Ordinal));
        Assert.Contains(queues, n => n.Contains("deletionsQueueName", StringComparison.Ordinal));
    }

    [Fact]
    public void The_deployment_package_and_dead_letter_containers_exist()
    {
        var names = templates.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.Name).ToList();

        Assert.Contains(names, n => n.Contains("variables('deploymentContainerName')", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("variables('deadLetterContainerName')", StringComparison.Ordinal));
    }
}
