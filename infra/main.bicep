// PressRoom, stage 1: everything the app needs, key-less. `azd provision` (or `az deployment group create`)
// deploys this file into one resource group; infra/eventgrid.bicep is stage 2, run after the code is deployed
// because the blob trigger's webhook key only exists once the Functions host has started.
// Plain resource declarations only: registry modules cannot be restored where CI runs.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(40)
@description('azd environment name (dev, test, prod...). Names every resource and the Durable Task hub.')
param environmentName string

@description('Region for every resource. The region must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Object id of the person or pipeline running the deployment (azd sets AZURE_PRINCIPAL_ID). Gets Storage Blob Data Contributor on the releases container only, so they can upload releases with --auth-mode login. Empty: no assignment.')
param operatorPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
@description('Kind of principal operatorPrincipalId is.')
param operatorPrincipalType string = 'User'

@minValue(1)
@maxValue(1000)
@description('Flex Consumption: most instances the app may scale out to. 40 covers 10,000 releases/hour with burst headroom; 10 is enough for 1,000/hour (docs/benchmarks.md, Scale-out in Azure).')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Flex Consumption: memory of each instance, in MB. 2048 leaves room for document parsing of large PDFs.')
param instanceMemoryMB int = 2048

@description('.NET version of the dotnet-isolated worker. The projects target net10.0.')
param dotnetVersion string = '10.0'

@allowed([
  'none'
  'azure'
  'chat'
])
@description('Translation:Provider of the app. chat needs deployOpenAI (or Translation__Chat__* pointing at another server).')
param translationProvider string = 'azure'

@description('Deploy an Azure OpenAI account and a model deployment for Translation:Provider=chat (key-less, off by default).')
param deployOpenAI bool = false

@description('Model of the Azure OpenAI deployment; the deployment carries the same name (Translation:Chat:Model).')
param openAIModelName string = 'gpt-4o-mini'

@description('Version of the model.')
param openAIModelVersion string = '2024-07-18'

@minValue(1)
@maxValue(1000)
@description('Capacity of the GlobalStandard deployment, in thousands of tokens per minute.')
param openAICapacity int = 50

@description('Translation:TargetLanguages of the app (comma-separated language codes).')
param translationTargetLanguages string = 'en'

@allowed([
  'builtin'
  'azure'
  'both'
])
@description('Entities:Provider of the app.')
param entitiesProvider string = 'both'

@allowed([
  'F0'
  'S1'
])
@description('Azure AI Translator pricing tier. F0 is free and limited to 2M characters a month.')
param translatorSku string = 'S1'

@allowed([
  'F0'
  'S'
])
@description('Azure AI Language pricing tier.')
param languageSku string = 'S'

@minValue(30)
@maxValue(730)
@description('Log Analytics retention, in days.')
param logRetentionInDays int = 30

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container stays recoverable (soft delete): releases are never lost to a mistaken delete.')
param softDeleteRetentionDays int = 14

@allowed([
  'public'
  'restricted'
])
@description('Who may reach the Function App over HTTP (API, comms page, dashboard). public: anyone, with API keys / Functions keys as the guard (the default; a choice, see docs/deploy-to-azure.md). restricted: only allowedClientIpRanges, plus Event Grid (service tag AzureEventGrid) for the blob webhook.')
param networkAccess string = 'public'

@description('With networkAccess = restricted: client address ranges in CIDR form (e.g. the office egress 203.0.113.0/24) allowed to call the app.')
param allowedClientIpRanges array = []

// Unique, stable per subscription + resource group + environment.
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'pressroom'
}

// Durable Task hub name: letters and digits only, starts with a letter, at most 45 characters.
var durableTaskHubName = take('pressroom${replace(replace(environmentName, '-', ''), '_', '')}', 45)

// Inbound rules of the Function App when restricted: Event Grid's webhook deliveries first, then the clients.
var restrictedInbound = concat(
  [
    {
      name: 'event-grid-webhook'
      action: 'Allow'
      priority: 100
      tag: 'ServiceTag'
      ipAddress: 'AzureEventGrid'
    }
  ],
  map(range(0, length(allowedClientIpRanges)), i => {
    name: 'client-${i}'
    action: 'Allow'
    priority: 200 + i
    ipAddress: allowedClientIpRanges[i]
  })
)

// Containers, tables and queue the app uses (mirrors PressRoom.Pipeline.Storage.StorageNames; a test keeps them equal).
var appContainerNames = [
  'releases' // first: the operator's role assignment and the Event Grid filter refer to it
  'processed'
  'quarantine'
]
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'eventgrid-deadletter'
var tableNames = [
  'Releases'
  'ReleaseEntities'
  'EntityIndexV2'
  'BlobReceipts'
]
var eventsQueueName = 'release-events'
var deletionsQueueName = 'release-deletions'

// Role definition ids below are Azure built-in roles, written as literals (with the role's name beside each) so
// the compiled template can be checked against them.

// ---------------------------------------------------------------- identity

// One user-assigned identity for everything the app touches: storage (host, Durable Task, app data), deployment
// package, Application Insights ingestion, Translator, Language, and Event Grid dead-lettering.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-pressroom-${resourceToken}'
  location: location
  tags: tags
}

// ---------------------------------------------------------------- storage

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stpressroom${take(resourceToken, 13)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in appContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource eventsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = {
  parent: queueService
  name: eventsQueueName
}

// Event Grid writes BlobDeleted events here (infra/eventgrid.bicep); WithdrawRelease reads them.
resource deletionsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = {
  parent: queueService
  name: deletionsQueueName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

// ---------------------------------------------------------------- monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-pressroom-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-pressroom-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    // Only Entra ID-authenticated telemetry is accepted: the instrumentation key alone cannot ingest.
    DisableLocalAuth: true
  }
}

// ---------------------------------------------------------------- Azure AI

// Custom subdomains are required for Entra ID (token) authentication; local (key) auth is off.
resource translator 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'trsl-pressroom-${resourceToken}'
  location: location
  tags: tags
  kind: 'TextTranslation'
  sku: {
    name: translatorSku
  }
  properties: {
    customSubDomainName: 'trsl-pressroom-${resourceToken}'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// Optional chat-model translator: Azure OpenAI with Entra ID only (the app reaches it on /openai/v1 with a token).
resource openAI 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployOpenAI) {
  name: 'oai-pressroom-${resourceToken}'
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-pressroom-${resourceToken}'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource openAIDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (deployOpenAI) {
  parent: openAI
  name: openAIModelName
  sku: {
    name: 'GlobalStandard'
    capacity: openAICapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: openAIModelName
      version: openAIModelVersion
    }
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-pressroom-${resourceToken}'
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: languageSku
  }
  properties: {
    customSubDomainName: 'lang-pressroom-${resourceToken}'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------- Function App (Flex Consumption)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-pressroom-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-pressroom-${resourceToken}'
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // networkAccess: everything else is denied when restricted; deployment (scm) follows the same rules.
      ipSecurityRestrictionsDefaultAction: networkAccess == 'restricted' ? 'Deny' : 'Allow'
      ipSecurityRestrictions: networkAccess == 'restricted' ? restrictedInbound : []
      scmIpSecurityRestrictionsUseMain: true
      // Exactly the settings PressRoom reads (tests/PressRoom.Testing/Infra/AppSettingsContract.cs): nothing secret.
      appSettings: [
        // Host, blob trigger and Durable Task storage: identity-based, no connection string, no key.
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        // host.json: extensions.durableTask.hubName = %DurableTaskHubName%, one hub per environment.
        {
          name: 'DurableTaskHubName'
          value: durableTaskHubName
        }
        // Telemetry through Entra ID: the connection string only locates the resource (local auth is disabled).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
        }
        // DefaultAzureCredential picks this user-assigned identity for Translator and Language.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'Translation__Provider'
          value: translationProvider
        }
        // The resource's custom-subdomain endpoint: with an Entra token it needs no region header, so
        // Translation__Region is deliberately not set (it is only for key auth on the global endpoint).
        {
          name: 'Translation__Endpoint'
          value: translator.properties.endpoint
        }
        {
          name: 'Translation__TargetLanguages'
          value: translationTargetLanguages
        }
        // The chat translator: Azure OpenAI's v1 endpoint and the deployment name; no key, so it uses the identity.
        {
          name: 'Translation__Chat__Endpoint'
          value: deployOpenAI ? '${openAI!.properties.endpoint}openai/v1' : ''
        }
        {
          name: 'Translation__Chat__Model'
          value: deployOpenAI ? openAIDeployment!.name : ''
        }
        {
          name: 'Entities__Provider'
          value: entitiesProvider
        }
        {
          name: 'Language__Endpoint'
          value: language.properties.endpoint
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
  dependsOn: [
    // The host needs its data-plane roles before it first starts, and the package container before deployment.
    blobOwner
    queueContributor
    tableContributor
    metricsPublisher
    deploymentContainer
  ]
}

// No publishing with user names and passwords (FTP or SCM basic auth): deployments use Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------- role assignments (each scoped to its resource)

resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b') // Storage Blob Data Owner
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88') // Storage Queue Data Contributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3') // Storage Table Data Contributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb') // Monitoring Metrics Publisher
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource translatorUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(translator.id, identity.id, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: translator
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908') // Cognitive Services User
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource openAIUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployOpenAI) {
  name: guid(openAI.id, identity.id, '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
  scope: openAI
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd') // Cognitive Services OpenAI User
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource languageUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, identity.id, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908') // Cognitive Services User
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The operator may drop releases into releases/ and nothing else.
resource operatorReleasesWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(appContainers[0].id, operatorPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: appContainers[0]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // Storage Blob Data Contributor
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// ---------------------------------------------------------------- Event Grid (topic now, subscription in stage 2)

// The system topic exists from stage 1 so that stage 2 only adds the subscription. It carries the shared
// identity, which Event Grid uses to write undeliverable events to the dead-letter container.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-pressroom-${resourceToken}'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// ---------------------------------------------------------------- outputs (azd writes them to the environment)

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.properties.primaryEndpoints.blob
output AZURE_IDENTITY_NAME string = identity.name
output AZURE_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = systemTopic.name
output AZURE_EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainer.name
output AZURE_RELEASES_CONTAINER string = appContainers[0].name
output AZURE_DELETIONS_QUEUE string = deletionsQueue.name
output AZURE_TRANSLATOR_ENDPOINT string = translator.properties.endpoint
output AZURE_LANGUAGE_ENDPOINT string = language.properties.endpoint
output AZURE_OPENAI_ENDPOINT string = deployOpenAI ? '${openAI!.properties.endpoint}openai/v1' : ''
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
output APPLICATIONINSIGHTS_NAME string = appInsights.name
