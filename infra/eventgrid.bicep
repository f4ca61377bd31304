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
        'Microsoft.Storage.BlobCreated'
        // The blob extension accepts deletions and drops them (the blob is gone); kept so a deletion is
        // visible in Event Grid metrics and reaches the app should it ever handle it.
        'Microsoft.Storage.BlobDeleted'
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

output EVENTGRID_SUBSCRIPTION_NAME string = releasesSubscription.name
