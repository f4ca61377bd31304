// PressRoom, stage 2 (after the code is deployed): the Event Grid subscription that feeds blob events under
// releases/ to the blob extension webhook of the IngestRelease function (BlobTrigger with Source = EventGrid).
// It is separate from main.bicep because the webhook's key (the blobs_extension system key) exists only once
// the Functions host has started with the deployed code. The key is read here with listKeys at deployment time,
// so it never passes through a shell, a parameter file or an output.
targetScope = 'resourceGroup'

@description('Function App created by main.bicep (output AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('Storage account created by main.bicep (output AZURE_STORAGE_ACCOUNT_NAME).')
param storageAccountName string

@description('Event Grid system topic created by main.bicep (output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('User-assigned identity created by main.bicep (output AZURE_IDENTITY_NAME); Event Grid dead-letters with it.')
param identityName string

@description('Blob-triggered function that ingests releases.')
param ingestFunctionName string = 'IngestRelease'

@description('Queue the WithdrawRelease function reads (PressRoom.Pipeline.Storage.StorageNames.DeletionsQueue); main.bicep creates it.')
param deletionsQueueName string = 'release-deletions'

@description('Container that receives events Event Grid could not deliver.')
param deadLetterContainerName string = 'eventgrid-deadletter'

@minValue(1)
@maxValue(30)
@description('Delivery attempts before an event is dead-lettered.')
param maxDeliveryAttempts int = 30

@minValue(1)
@maxValue(1440)
@description('Minutes Event Grid keeps retrying an event before it is dead-lettered.')
param eventTimeToLiveInMinutes int = 1440

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The Functions host's keys (Microsoft.Web/sites/host has no Bicep type definitions, so the function form is used).
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource releasesSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'releases-to-${toLower(ingestFunctionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The blob extension's webhook; it answers Event Grid's validation handshake itself.
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${ingestFunctionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      // Only the releases container (PressRoom.Pipeline.Storage.StorageNames.ReleasesContainer).
      subjectBeginsWith: '/blobServices/default/containers/releases/'
      includedEventTypes: [
        // Deletions go to the release-deletions queue (below): the blob extension would only drop them.
        'Microsoft.Storage.BlobCreated'
      ]
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    // Undeliverable events are kept (never lose a release): written with the shared identity, no storage key.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identity.id
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

// Deleting a release's blob withdraws it: BlobDeleted events under releases/ are written to the release-deletions
// queue, which the WithdrawRelease function reads. Delivered with the shared identity (it holds Storage Queue Data
// Contributor on the account), so no storage key or SAS is involved.
resource deletionsSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'release-deletions-to-queue'
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identity.id
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: deletionsQueueName
          // Kept until WithdrawRelease reads it (-1: no expiry), so a deletion is never lost to a stopped app.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      subjectBeginsWith: '/blobServices/default/containers/releases/'
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identity.id
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output EVENTGRID_SUBSCRIPTION_NAME string = releasesSubscription.name
output EVENTGRID_DELETIONS_SUBSCRIPTION_NAME string = deletionsSubscription.name
