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

for ($attempt = 1; ; $attempt++) {
    $key = az functionapp keys list -g $rg -n $app --query systemKeys.blobs_extension -o tsv 2>$null
    if ($key) { break }
    if ($attempt -gt 20) { throw 'The blobs_extension system key did not appear: is IngestRelease deployed and the host running?' }
    Write-Host "Waiting for the Functions host to register the blob extension key ($attempt/20)..."
    $sub = az account show --query id -o tsv
    az rest --method post --url "https://management.azure.com/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.Web/sites/$app/host/default/sync?api-version=2024-04-01" 2>$null | Out-Null
    Start-Sleep -Seconds 15
}
Remove-Variable key

az deployment group create `
    --name pressroom-eventgrid `
    --resource-group $rg `
    --template-file (Join-Path $infra 'eventgrid.bicep') `
    --parameters functionAppName=$app storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
        systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME identityName=$env:AZURE_IDENTITY_NAME `
    --query properties.outputs.EVENTGRID_SUBSCRIPTION_NAME.value -o tsv
if ($LASTEXITCODE -ne 0) { throw 'Event Grid deployment failed.' }
