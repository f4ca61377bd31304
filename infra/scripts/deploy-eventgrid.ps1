# Stage 2 of the PressRoom deployment (Windows / PowerShell twin of deploy-eventgrid.sh): subscribe the
# IngestRelease blob trigger to blob events under releases/. Needs the Azure CLI, signed in (`az login`).
# The webhook key is read inside the deployment (listKeys), never by this script.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_NAME',
                  'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'AZURE_IDENTITY_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run azd provision first." }
}

$infra = Split-Path -Parent $PSScriptRoot
$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME

# Only "is the blobs_extension key there" is asked: the key itself never reaches this shell.
for ($attempt = 1; ; $attempt++) {
    $ready = az functionapp keys list -g $rg -n $app --query "systemKeys.blobs_extension != null" -o tsv 2>$null
    if ($ready -eq 'true') { break }
    if ($attempt -gt 20) { throw 'The blobs_extension system key did not appear: is IngestRelease deployed and the host running?' }
    Write-Host "Waiting for the Functions host to register the blob extension key ($attempt/20)..."
    Start-Sleep -Seconds 15
}

az deployment group create `
    --name pressroom-eventgrid `
    --resource-group $rg `
    --template-file (Join-Path $infra 'eventgrid.bicep') `
    --parameters functionAppName=$app storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
        systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME identityName=$env:AZURE_IDENTITY_NAME `
    --query properties.outputs.EVENTGRID_SUBSCRIPTION_NAME.value -o tsv
if ($LASTEXITCODE -ne 0) { throw 'Event Grid deployment failed.' }
