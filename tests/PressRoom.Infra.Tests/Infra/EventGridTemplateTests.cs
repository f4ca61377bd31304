using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infra;

/// <summary>Stage 2: blob events under releases/ reach IngestRelease's blob webhook, with retries and dead-lettering.</summary>
[Collection(InfraCollection.Name)]
public sealed class EventGridTemplateTests(BicepTemplatesFixture templates)
{
    ArmResource Subscription => templates.EventGrid.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions", r => r.Element.TryAt("properties.destination", out _));

    ArmResource Deletions => templates.EventGrid.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions", r => r.Element.TryAt("properties.deliveryWithResourceIdentity", out _));

    [Fact]
    public void Stage_1_creates_the_storage_system_topic_with_the_shared_identity()
    {
        var topic = templates.Main.Single("Microsoft.EventGrid/systemTopics");
        var storage = templates.Main.Single("Microsoft.Storage/storageAccounts");
        var identity = templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.String("properties.topicType"));
        Assert.Equal($"[{storage.ResourceIdExpression}]", topic.String("properties.source"));
        Assert.Equal("UserAssigned", topic.String("identity.type"));
        Assert.Equal([$"[format('{{0}}', {identity.ResourceIdExpression})]"],
            topic.At("identity.userAssignedIdentities").EnumerateObject().Select(p => p.Name));
        // Stage 1 has no subscription: the webhook key does not exist yet.
        Assert.Empty(templates.Main.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
    }

    [Fact]
    public void Only_blob_creations_under_releases_reach_the_blob_webhook()
    {
        Assert.Equal($"/blobServices/default/containers/{StorageNames.ReleasesContainer}/", Subscription.String("properties.filter.subjectBeginsWith"));
        Assert.Equal(
            ["Microsoft.Storage.BlobCreated"],
            Subscription.At("properties.filter.includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.False(Subscription.Properties.At("filter").TryGetProperty("advancedFilters", out _));
        Assert.Equal(2, templates.EventGrid.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Count());
    }

    [Fact]
    public void Blob_deletions_under_releases_feed_the_release_deletions_queue_with_the_identity_and_never_expire()
    {
        Assert.Equal($"/blobServices/default/containers/{StorageNames.ReleasesContainer}/", Deletions.String("properties.filter.subjectBeginsWith"));
        Assert.Equal(["Microsoft.Storage.BlobDeleted"], Deletions.At("properties.filter.includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("EventGridSchema", Deletions.String("properties.eventDeliverySchema"));

        var delivery = Deletions.At("properties.deliveryWithResourceIdentity");
        Assert.Equal("UserAssigned", delivery.At("identity.type").GetString());
        Assert.Equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]", delivery.At("identity.userAssignedIdentity").GetString());
        Assert.Equal("StorageQueue", delivery.At("destination.endpointType").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", delivery.At("destination.properties.resourceId").GetString());
        Assert.Equal("[parameters('deletionsQueueName')]", delivery.At("destination.properties.queueName").GetString());
        Assert.Equal(StorageNames.DeletionsQueue, templates.EventGrid.Parameter("deletionsQueueName").GetProperty("defaultValue").GetString());
        Assert.Equal(-1, delivery.At("destination.properties.queueMessageTimeToLiveInSeconds").GetInt32());

        // No key-based destination, and undeliverable deletions are dead-lettered like creations.
        Assert.False(Deletions.Properties.TryGetProperty("destination", out _));
        Assert.Equal("StorageBlob", Deletions.String("properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType"));
        Assert.Equal("[parameters('maxDeliveryAttempts')]", Deletions.String("properties.retryPolicy.maxDeliveryAttempts"));
    }

    [Fact]
    public void Events_go_to_the_blob_extension_webhook_of_IngestRelease_over_HTTPS()
    {
        Assert.Equal("WebHook", Subscription.String("properties.destination.endpointType"));
        Assert.Equal("EventGridSchema", Subscription.String("properties.eventDeliverySchema"));
        var url = Subscription.String("properties.destination.properties.endpointUrl");

        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', ", url, StringComparison.Ordinal);
        Assert.Contains("reference(resourceId('Microsoft.Web/sites', parameters('functionAppName')), '2024-04-01').defaultHostName", url, StringComparison.Ordinal);
        // The key is read inside the deployment; it is never a parameter.
        Assert.EndsWith(
            "listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName'))), '2024-04-01').systemKeys.blobs_extension)]",
            url, StringComparison.Ordinal);
        Assert.Equal("IngestRelease", templates.EventGrid.Parameter("ingestFunctionName").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Failed_deliveries_are_retried_then_dead_lettered_with_the_identity()
    {
        Assert.Equal("[parameters('maxDeliveryAttempts')]", Subscription.String("properties.retryPolicy.maxDeliveryAttempts"));
        Assert.Equal("[parameters('eventTimeToLiveInMinutes')]", Subscription.String("properties.retryPolicy.eventTimeToLiveInMinutes"));
        Assert.Equal(30, templates.EventGrid.Parameter("maxDeliveryAttempts").GetProperty("defaultValue").GetInt32());
        Assert.Equal(1440, templates.EventGrid.Parameter("eventTimeToLiveInMinutes").GetProperty("defaultValue").GetInt32());

        var deadLetter = Subscription.At("properties.deadLetterWithResourceIdentity");
        Assert.Equal("UserAssigned", deadLetter.At("identity.type").GetString());
        Assert.Equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]",
            deadLetter.At("identity.userAssignedIdentity").GetString());
        Assert.Equal("StorageBlob", deadLetter.At("deadLetterDestination.endpointType").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]",
            deadLetter.At("deadLetterDestination.properties.resourceId").GetString());
        // Key-based dead-lettering would need a storage key, which the account refuses.
        Assert.False(Subscription.Properties.TryGetProperty("deadLetterDestination", out _));
    }

    [Fact]
    public void The_dead_letter_container_is_the_one_stage_1_creates()
    {
        Assert.Equal("[parameters('deadLetterContainerName')]",
            Subscription.String("properties.deadLetterWithResourceIdentity.deadLetterDestination.properties.blobContainerName"));
        Assert.Equal(
            templates.Main.Variable("deadLetterContainerName").GetString(),
            templates.EventGrid.Parameter("deadLetterContainerName").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Stage_2_outputs_no_secret()
    {
        Assert.All(templates.EventGrid.OutputNames, name =>
            Assert.DoesNotContain("listKeys", templates.EventGrid.Output(name).GetRawText(), StringComparison.Ordinal));
    }
}
