#!/usr/bin/env bash
# PressRoom, the main job: install what is missing, start the local runtime (Azurite + durable engine),
# process the sample releases (or the files given) and print the results.
#   ./run.sh                 process samples/
#   ./run.sh FILE...         process the given files
#   ./run.sh --serve         process samples/, then keep serving on http://127.0.0.1:7071 until Ctrl+C
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet not found)." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js is required for Azurite (node not found)." >&2; exit 1; }

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

CONFIGURATION="${CONFIGURATION:-Release}"
echo "Building PressRoom ($CONFIGURATION)…" >&2
dotnet build functions/PressRoom.Host -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2

args=()
files=()
for a in "$@"; do
  case "$a" in
    --serve) args+=(--serve) ;;
    *) files+=("$(realpath "$a")") ;;
  esac
done

exec dotnet "functions/PressRoom.Host/bin/$CONFIGURATION/net10.0/pressroom.dll" run "${args[@]}" "${files[@]}"
