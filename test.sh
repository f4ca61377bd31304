#!/usr/bin/env bash
# All tests: restore, build, start a private Azurite on free ports, run `dotnet test Serverless.sln`,
# smoke-test ./run.sh, stop everything this script started. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# 1. Tools the tests need.
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian chromium and chromium-driver for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "WARNING: chromium could not be installed; browser tests will be skipped."
  fi
fi

# 2. Build once.
dotnet build Serverless.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

# 3. A private Azurite on free loopback ports, in memory.
read -r BLOB QUEUE TABLE < <(node -e '
  const net = require("net");
  const get = () => new Promise(r => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => r(p)); }); });
  Promise.all([get(), get(), get()]).then(p => console.log(p.join(" ")));')
node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --loose --disableTelemetry --silent \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" \
  --tableHost 127.0.0.1 --tablePort "$TABLE" >/dev/null 2>&1 &
started+=($!)
KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export PRESSROOM_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"

# 4. The test suite, without the long runs (Category=Long: the 200-release fault run, see docs/reliability.md).
#    One test project at a time (-m:1): each runs its runtime tests one by one, and two projects' runtimes at once would
#    share the two cores the timing-sensitive tests assume.
mkdir -p TestResults
set +e
dotnet test Serverless.sln -m:1 -c "$CONFIGURATION" --no-build --filter "Category!=Long" --logger "console;verbosity=normal" --logger "trx" \
  --results-directory TestResults 2>&1 | tee TestResults/dotnet-test.log
status=${PIPESTATUS[0]}
set -e

# 5. The README's main command, on a fresh data directory and its own Azurite.
smoke_passed=0; smoke_failed=0
rm -rf .pressroom-smoke
if PressRoom__DataDirectory=.pressroom-smoke PressRoom__AzuriteBlobPort=$((BLOB+100)) PressRoom__AzuriteQueuePort=$((QUEUE+100)) \
   PressRoom__AzuriteTablePort=$((TABLE+100)) PressRoom__Url=http://127.0.0.1:0 ./run.sh > TestResults/run-sh.log 2>&1 \
   && grep -q Completed TestResults/run-sh.log && ! grep -qE 'Failed|Rejected' TestResults/run-sh.log; then
  echo "run.sh smoke: passed"; smoke_passed=1
else
  echo "run.sh smoke: FAILED"; tail -40 TestResults/run-sh.log; smoke_failed=1
fi
rm -rf .pressroom-smoke

count() { { grep -oE "^ +$1: +[0-9]+" TestResults/dotnet-test.log || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
echo "$((passed + smoke_passed)) passed, $((failed + smoke_failed)) failed, $skipped skipped"
# CI shows only the tail of this output: name the failed tests and their first error lines last.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  awk '/^ +Failed [A-Za-z_]/ {n = 6} n > 0 {print substr($0, 1, 300); n--}' TestResults/dotnet-test.log
fi
[ "$status" -eq 0 ] && [ "$smoke_failed" -eq 0 ]
