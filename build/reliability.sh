#!/usr/bin/env bash
# Reliability run: faults, load and hostile input, with nothing lost. Prints the figures and a
# closing summary; the README's reliability section quotes the last run.
#
#   1. The reliability tests of the suite (also part of build/test.sh): PostgreSQL stopped and started under
#      load, two nodes on one database, thousands of hostile requests from the OpenAPI document, the damage fuzz
#      (mutated writes to existing resources, each checked for what it changed; FUZZ_SEED / FUZZ_COUNT), security
#      checks, and the authentication timing run (median cost of each kind of failing key).
#   2. Load and soak against a real Connect process (Release, Kestrel): mixed reads and writes from four keys
#      (85 % reads; 5 % creates, 7 % patches, 3 % archive/restore) for RELIABILITY_SECONDS (default 120) on an
#      emptied database, 5xx count, every acknowledged write read back, memory sampled.
#   3. Graceful shutdown: SIGTERM during load; in-flight requests finish, no acknowledged write is lost.
#   4. The largest list page: 200 offerings at every bound (about 60 KB each), read as one limit=1000 page by
#      8 concurrent readers for 15 s on a fresh process; peak RSS and /health/live latency held to bounds.
#
# Usage: build/reliability.sh            (RELIABILITY_SECONDS=300 build/reliability.sh for a longer soak)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SOAK_SECONDS="${RELIABILITY_SECONDS:-120}"
PORT="${CONNECT_RELIABILITY_PORT:-5095}"
OUT="$ROOT/.local/reliability"
KEY="ck_reliability_$(printf '%064d' 7)"
mkdir -p "$OUT"
export MSBUILDTERMINALLOGGER=off DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say() { printf '\nreliability.sh: %s\n' "$*" >&2; }

# --- 1. the suite's reliability tests --------------------------------------------------------------
if [[ -z ${CONNECT_TEST_DB:-} ]]; then CONNECT_TEST_DB="$("$ROOT/build/db.sh" connect_test)"; export CONNECT_TEST_DB; fi
say "reliability tests (outage, two nodes, hostile input, damage fuzz, security, authentication timing, webhook throughput)"
set +e
CONNECT_TIMING_TESTS=1 dotnet test "$ROOT/tests/Connect.IntegrationTests" -c Release \
  --filter "Category=Reliability|FullyQualifiedName~HostileInput|FullyQualifiedName~DamageFuzzTests|FullyQualifiedName~SecurityTests|FullyQualifiedName~AuthenticationTimingTests|FullyQualifiedName~WebhookThroughputTests" \
  --logger "console;verbosity=detailed" >"$OUT/tests.log" 2>&1
tests_status=$?
set -e
outage="$(grep -m1 -o 'requests: .*' "$OUT/tests.log" || echo 'not run')"
fuzz="$(grep -m1 -o 'hostile requests sent: .*' "$OUT/tests.log" || echo 'not run')"
damage="$(grep -m1 -o 'damage fuzz: .*' "$OUT/tests.log" | sed 's/^damage fuzz: //' || echo 'not run')"
timing="$(grep -m1 -o 'authentication medians: .*' "$OUT/tests.log" | sed 's/^authentication medians: //' || echo 'not run')"
tests_summary="$(awk '/^Total tests:/ {t=$3} /^ +Passed:/ {p=$2} /^ +Failed:/ {f=$2} END {printf "%d tests, %d passed, %d failed", t, p, f}' "$OUT/tests.log")"

# --- a real Connect process ----------------------------------------------------------------------------
DB="$("$ROOT/build/db.sh" connect_reliability)"
# Each run starts from an empty database, so runs compare (the catalog is re-read whole after a change).
if [[ $DB =~ Host=([^;]+)\;Port=([0-9]+) ]] && command -v psql >/dev/null 2>&1; then
  PGPASSWORD=connect psql -X -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U connect -d postgres \
    -c "drop database if exists connect_reliability" >&2 2>/dev/null || true
  DB="$("$ROOT/build/db.sh" connect_reliability)"
fi
say "publishing Connect (Release) and the load driver"
dotnet publish "$ROOT/src/Connect.Api" -c Release -o "$OUT/api" -v quiet >&2
dotnet build "$ROOT/build/reliability/Driver" -c Release -o "$OUT/driver" -v quiet >&2
driver() { dotnet "$OUT/driver/Connect.ReliabilityDriver.dll" "$@" --url "http://127.0.0.1:$PORT" --key "$KEY"; }

API_PID=""
start_api() {
  # The driver's keys are made by the bootstrap key, and a key cannot mint a rate beyond its own: the service
  # default (and so the bootstrap key's) is set to what the load needs.
  ConnectionStrings__Connect="$DB" Connect__BootstrapApiKey="$KEY" Serilog__MinimumLevel__Default=Warning \
    Connect__Identity__PermitsPerSecond=100000 Connect__Identity__Burst=100000 \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$OUT/api/Connect.Api.dll" >>"$OUT/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "reliability.sh: the API did not become ready (see $OUT/api.log)" >&2
  exit 1
}
stop_api() { if [[ -n $API_PID ]]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; API_PID=""; fi; }
trap stop_api EXIT
json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])$2)" "$1"; }

start_api
server_header="$(curl -s -o /dev/null -D - -H "X-Api-Key: $KEY" "http://127.0.0.1:$PORT/product-offerings" | grep -ci '^server:' || true)"

# --- 2. load and soak ------------------------------------------------------------------------------------
say "load and soak: $SOAK_SECONDS s, 8 workers, 4 keys"
: >"$OUT/memory.txt"
(while kill -0 "$API_PID" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$API_PID/status" >>"$OUT/memory.txt" 2>/dev/null || true; sleep 2; done) &
SAMPLER=$!
soak="$(driver load --seconds "$SOAK_SECONDS" --workers 8 --ids "$OUT/soak-ids.txt")"
kill "$SAMPLER" 2>/dev/null || true
soak_verify="$(driver verify --ids "$OUT/soak-ids.txt")"
# Memory flat after warm-up: the last quarter of the samples against the second quarter.
memory="$(awk '{ v[NR] = $1 } END {
  n = NR; if (n < 8) { print "too few samples"; exit }
  a = 0; for (i = int(n/4) + 1; i <= int(n/2); i++) { a += v[i]; ca++ }
  b = 0; for (i = int(3*n/4) + 1; i <= n; i++) { b += v[i]; cb++ }
  printf "%.0f MB after warm-up, %.0f MB at the end (%+.1f%%)", a/ca/1024, b/cb/1024, (b/cb - a/ca) * 100 / (a/ca) }' "$OUT/memory.txt")"

# --- 3. graceful shutdown ----------------------------------------------------------------------------------
say "graceful shutdown: SIGTERM after 5 s of load"
driver load --seconds 12 --workers 8 --ids "$OUT/shutdown-ids.txt" >"$OUT/shutdown-load.json" &
LOAD=$!
sleep 5
term_sent=$(date +%s%N)
kill -TERM "$API_PID"
set +e; wait "$API_PID"; api_exit=$?; set -e
API_PID=""
shutdown_ms=$(( ($(date +%s%N) - term_sent) / 1000000 ))
wait "$LOAD"
shutdown_load="$(cat "$OUT/shutdown-load.json")"
start_api
shutdown_verify="$(driver verify --ids "$OUT/shutdown-ids.txt")"

# --- 4. the largest list page ------------------------------------------------------------------------------
LARGEST_MAX_RSS_MB=1024 LARGEST_MAX_LIVE_MS=1000
say "largest page: 200 offerings at every bound, 8 readers of limit=1000 for 15 s"
rss_mb() { awk -v f="$1" '$1 == f":" {print int($2 / 1024)}' "/proc/$API_PID/status"; }
largest_rss_before="$(rss_mb VmRSS)"
largest="$(driver largest-page --offerings 200 --seconds 15 --workers 8)"
largest_peak="$(rss_mb VmHWM)"
stop_api

# --- figures -------------------------------------------------------------------------------------------
soak_5xx="$(json "$soak" "['fiveHundreds']")"
soak_lost="$(json "$soak_verify" "['lostWrites']")"
shutdown_5xx="$(json "$shutdown_load" "['fiveHundreds']")"
shutdown_lost="$(json "$shutdown_verify" "['lostWrites']")"
cat <<SUMMARY

## Reliability run, $(date -u +%Y-%m-%d), $(nproc) cores

- Suite reliability tests: ${tests_summary:-see $OUT/tests.log}
- Database outage (PostgreSQL stopped ~3 s under load): $outage
- Hostile input: $fuzz
- Damage fuzz (mutated writes to existing resources): $damage
- Failing keys, median time to the 401: $timing
- Load and soak ($SOAK_SECONDS s): $(json "$soak" "['requests']") requests, $soak_5xx 5xx, $(json "$soak" "['acknowledgedWrites']") acknowledged writes, $soak_lost lost; p50 $(json "$soak" "['p50Ms']") ms, p99 $(json "$soak" "['p99Ms']") ms; memory $memory
- Graceful shutdown: SIGTERM answered in $shutdown_ms ms (exit code $api_exit); $(json "$shutdown_load" "['requests']") requests, $shutdown_5xx 5xx, $(json "$shutdown_load" "['refusedConnections']") refused connections while down, $(json "$shutdown_load" "['acknowledgedWrites']") acknowledged writes, $shutdown_lost lost
- Largest page: $(json "$largest" "['offerings']") offerings of at most 64 KB, a $(json "$largest" "['pageBytes']") byte page read $(json "$largest" "['reads']") times by $(json "$largest" "['readers']") readers in 15 s ($(json "$largest" "['failures']") failures), read p50 $(json "$largest" "['readP50Ms']") ms, p99 $(json "$largest" "['readP99Ms']") ms; /health/live p50 $(json "$largest" "['liveP50Ms']") ms, p99 $(json "$largest" "['liveP99Ms']") ms, max $(json "$largest" "['liveMaxMs']") ms (bound $LARGEST_MAX_LIVE_MS); RSS $largest_rss_before MB before, peak $largest_peak MB (bound $LARGEST_MAX_RSS_MB)
- Server banner headers: $server_header
SUMMARY

ok=1
((tests_status == 0)) || ok=0
[[ $soak_5xx == 0 && $soak_lost == 0 && $shutdown_5xx == 0 && $shutdown_lost == 0 && $server_header == 0 ]] || ok=0
[[ $(json "$largest" "['failures']") == 0 && $largest_peak -le $LARGEST_MAX_RSS_MB ]] || ok=0
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$(json "$largest" "['liveP99Ms']")" "$LARGEST_MAX_LIVE_MS" || ok=0
if ((ok == 1)); then echo "reliability: passed"; else echo "reliability: FAILED (details in $OUT)"; exit 1; fi
