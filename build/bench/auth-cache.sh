#!/usr/bin/env bash
# The key cache's figure: requests/second of an authenticated GET /product-offerings/{id} with the API key cache on
# and off, in the same run, on this machine. Starts Connect (Release) twice against the private database
# `connect_bench` with the demo catalog and drives it with wrk over loopback.
#
# Usage: build/bench/auth-cache.sh [seconds per run, default 10] [connections, default 16]
# Prints a markdown table and writes .local/bench/auth-cache.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-16}"
PORT="${CONNECT_BENCH_PORT:-5091}"
KEY="ck_bench_$(printf '%064d' 0)"
OUT="$ROOT/.local/bench"
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]]; then
    echo "auth-cache.sh: installing wrk" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2; }
  else
    echo "auth-cache.sh: wrk is not installed (apt-get install wrk)" >&2
    exit 1
  fi
fi

DB="$("$ROOT/build/db.sh" connect_bench)"
echo "auth-cache.sh: publishing Connect (Release)" >&2
dotnet publish "$ROOT/src/Connect.Api" -c Release -o "$OUT/api" --nologo -v quiet >&2

API_PID=""
stop_api() { [[ -n $API_PID ]] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null; API_PID=""; }
trap stop_api EXIT

run() { # name cache-seconds
  ConnectionStrings__Connect="$DB" Connect__BootstrapApiKey="$KEY" Connect__DemoData=true \
    Connect__Identity__KeyCacheSeconds="$2" Connect__Identity__PermitsPerSecond=10000000 Connect__Identity__Burst=10000000 \
    Serilog__MinimumLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$OUT/api/Connect.Api.dll" >"$OUT/api-$1.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  local url="http://127.0.0.1:$PORT/product-offerings/seamless-10gb" key
  # A shop's key as operators make them (ck_{id}_{secret}: found by id), not the configured bootstrap key.
  key="$(curl -fs -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"name":"bench","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US"}' \
    "http://127.0.0.1:$PORT/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')"
  curl -fs -H "X-Api-Key: $key" "$url" >/dev/null || { echo "auth-cache.sh: the API did not answer (see $OUT/api-$1.log)" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d3s -H "X-Api-Key: $key" "$url" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "X-Api-Key: $key" "$url" >"$OUT/wrk-$1.txt"
  stop_api
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-$1.txt")"
  p50="$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$1.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$1.txt")"
  errors="$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$1.txt")"
  printf '%s %s %s %s %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

results=("$(run with-cache 60)" "$(run without-cache 0)")
echo
echo "Authenticated GET /product-offerings/{id}, $CONNECTIONS connections, ${SECONDS_PER_RUN} s, $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| key cache | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
json="["
for r in "${results[@]}"; do
  read -r name rps p50 p99 errors <<<"$r"
  echo "| $name | $rps | $p50 | $p99 | $errors |"
  json+="{\"mode\":\"$name\",\"requestsPerSecond\":$rps,\"p50\":\"$p50\",\"p99\":\"$p99\",\"non2xx\":$errors},"
done
printf '%s]\n' "${json%,}" >"$OUT/auth-cache.json"
