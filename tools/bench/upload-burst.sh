#!/usr/bin/env bash
# Memory of the local runtime under a burst of concurrent HTTP uploads (issue 18): starts `pressroom serve` with its
# own in-memory Azurite on free ports and a scratch data directory, samples the runtime's resident memory (VmRSS of
# the pressroom process only, not Azurite) before, during and after N concurrent uploads of SIZE bytes each, and
# prints the samples and a summary. Usage (after a Release build):
#   tools/bench/upload-burst.sh [N=30] [SIZE=20000000] [AFTER_SECONDS=60]
# The bodies are random bytes named *.bin: each upload is stored, then rejected UnsupportedFormat, so the numbers are
# the upload path's (plus a cheap rejection), not a 20 MB parse.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-30}"; SIZE="${2:-20000000}"; AFTER="${3:-60}"
DLL=functions/PressRoom.Host/bin/Release/net10.0/pressroom.dll
[ -f "$DLL" ] || { echo "Build first: dotnet build functions/PressRoom.Host -c Release" >&2; exit 2; }
scratch=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
read -r API BLOB QUEUE TABLE < <(node -e '
  const net = require("net");
  const get = () => new Promise(r => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => r(p)); }); });
  Promise.all([get(), get(), get(), get()]).then(p => console.log(p.join(" ")));')
head -c "$SIZE" /dev/urandom > "$scratch/body.bin"
PressRoom__DataDirectory="$scratch/data" PressRoom__AzuriteInMemory=true PressRoom__Url="http://127.0.0.1:$API" \
  PressRoom__AzuriteBlobPort=$BLOB PressRoom__AzuriteQueuePort=$QUEUE PressRoom__AzuriteTablePort=$TABLE \
  dotnet "$DLL" serve 2> "$scratch/serve.log" &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$API/api/health" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }
sleep 5
start=$(date +%s.%N)
sample() { printf '%6.1f s  %s MiB  %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(rss)" "$1"; }
sample "before (idle after start)"
codes="$scratch/codes"; : > "$codes"
for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "X-File-Name: burst-$i.bin" -H 'Content-Type: application/octet-stream' \
    --data-binary "@$scratch/body.bin" "http://127.0.0.1:$API/api/releases" >> "$codes" &
done
peak=0
while [ "$(jobs -rp | grep -vc "^$pid$")" -gt 0 ]; do
  r=$(rss); [ "$r" -gt "$peak" ] && peak=$r
  sample "during ($(wc -l < "$codes")/$N answered)"; sleep 0.5
done
sample "burst answered: $(sort "$codes" | uniq -c | tr '\n' ' ')"
for t in $(seq 5 5 "$AFTER"); do sleep 5; r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sample "after +${t} s"; done
echo "peak during/after: $peak MiB; stack traces in the runtime log: $(grep -c '   at ' "$scratch/serve.log" || true)"
