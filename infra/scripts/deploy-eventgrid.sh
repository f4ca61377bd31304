#!/bin/sh
# Stage 2 of the PressRoom deployment: subscribe the IngestRelease blob trigger to blob events under releases/.
# Runs as azd's postdeploy hook (azd exports the outputs of infra/main.bicep as environment variables), or by hand
# after `azd env get-values` / with the variables exported. Needs the Azure CLI, signed in (`az login`).
# The webhook key is read inside the deployment (listKeys), never by this script.
set -eu

: "${AZURE_RESOURCE_GROUP:?run azd provision first (or export AZURE_RESOURCE_GROUP)}"
: "${AZURE_FUNCTION_APP_NAME:?missing: output of infra/main.bicep}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?missing: output of infra/main.bicep}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?missing: output of infra/main.bicep}"
: "${AZURE_IDENTITY_NAME:?missing: output of infra/main.bicep}"

here=$(cd "$(dirname "$0")/.." && pwd)

# The blobs_extension key appears once the host has started with the deployed code (listing keys goes through the
# host, which also wakes it). Only "is it there" is asked: the key itself never reaches this shell.
attempt=0
until [ "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension != null" -o tsv 2>/dev/null)" = "true" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -gt 20 ]; then
    echo "The blobs_extension system key did not appear: is IngestRelease deployed and the host running?" >&2
    exit 1
  fi
  echo "Waiting for the Functions host to register the blob extension key ($attempt/20)..."
  sleep 15
done

az deployment group create \
  --name pressroom-eventgrid \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --template-file "$here/eventgrid.bicep" \
  --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
    systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
    identityName="$AZURE_IDENTITY_NAME" \
  --query properties.outputs.EVENTGRID_SUBSCRIPTION_NAME.value -o tsv
