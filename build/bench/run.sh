#!/usr/bin/env bash
# How fast Connect answers the reads shops make, against the cost of "just read the row".
#
#   1. Publishes Connect (Release), the raw-Npgsql baseline (build/bench/Baseline) and the seeder (build/bench/Seed).
#   2. Starts Connect on its own database and loads a realistic catalog through the public API: 100 products,
#      40 groups, 1,000 offerings, 4 catalogs (CONSUMER en-US is the default, 250 offerings), 100 promo codes.
#   3. Drives Connect and the baseline from wrk (a second process, over loopback) at each concurrency:
#        offering        GET /product-offerings/{id}, cycling through the 1,000 ids
#        offering+promo  the same with ?promoCode=BENCH001
#        list            GET /product-offerings?type=SUBSCRIPTION&limit=100
#        catalog         GET /product-catalogs/default (250 offerings)
#        catalog 304     the same with If-None-Match: <its ETag>, answered 304
#        baseline        the baseline's GET /product-offerings/{id}, same ids
#        offering asOf   GET /product-offerings/{id}?asOf=<instant after the load>, cycling through the ids
#        list asOf       the list above as of that instant
#        catalog asOf    GET /product-catalogs/bench-all?asOf=<that instant>, a catalog of 1,000 CONSUMER offerings
#      (250 offerings more are loaded for it, of a LICENSE product; after the instant, 200 offerings are patched,
#      so the log holds later entries that the reads as of it skip).
#   4. Prints a markdown table (requests/s, p50/p99, errors, the API's peak RSS, ratios) and the goals, and writes
#      the same as JSON to $BENCH_OUT/results.json and markdown to $BENCH_OUT/results.md.
#
# Environment (all optional):
#   BENCH_SECONDS        seconds per measured cell (default 10; warm-up is 3 s per scenario)
#   BENCH_CONCURRENCY    connections to measure at (default "1 16 64")
#   CONNECT_BENCH_DB     Npgsql connection string (default: build/db.sh connect_bench)
#   BENCH_API_PORT       Connect's port (default 5093); BENCH_BASELINE_PORT the baseline's (default 5094)
#   BENCH_OUT            output folder (default .local/bench)
#   BENCH_SCENARIOS      the scenarios to measure, comma-separated (default: all), e.g. "offering asOf,catalog asOf"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
SECONDS_PER_CELL="${BENCH_SECONDS:-10}"
read -r -a CONCURRENCY <<<"${BENCH_CONCURRENCY:-1 16 64}"
API_PORT="${BENCH_API_PORT:-5093}"
BASELINE_PORT="${BENCH_BASELINE_PORT:-5094}"
OUT="${BENCH_OUT:-$ROOT/.local/bench}"
API="http://127.0.0.1:$API_PORT"
BASELINE="http://127.0.0.1:$BASELINE_PORT"
ADMIN_KEY="ck_bench_admin_$(printf '%064d' 0)"
mkdir -p "$OUT"

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  [[ $(id -u) == 0 ]] || die "wrk is not installed (apt-get install wrk)"
  log "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 ||
    { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2; }
fi

for url in "$API" "$BASELINE"; do
  ! curl -s -o /dev/null "$url/" || die "something already answers on $url (set BENCH_API_PORT / BENCH_BASELINE_PORT)"
done

DB="${CONNECT_BENCH_DB:-$("$ROOT/build/db.sh" connect_bench)}"
log "publishing Connect, the baseline and the seeder (Release)"
dotnet publish "$ROOT/src/Connect.Api" -c Release -o "$OUT/api" --nologo -v quiet >&2
dotnet publish "$ROOT/build/bench/Baseline" -c Release -o "$OUT/baseline" --nologo -v quiet >&2
dotnet publish "$ROOT/build/bench/Seed" -c Release -o "$OUT/seed" --nologo -v quiet >&2

API_PID=""
BASELINE_PID=""
cleanup() {
  for pid in $API_PID $BASELINE_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  return 0
}
trap cleanup EXIT

wait_for() { # url log
  for _ in $(seq 1 120); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "$1 did not answer (see $2)"
}

log "starting Connect on $API"
ConnectionStrings__Connect="$DB" Connect__BootstrapApiKey="$ADMIN_KEY" \
  Connect__Identity__PermitsPerSecond=10000000 Connect__Identity__Burst=10000000 \
  Serilog__MinimumLevel__Default=Warning ASPNETCORE_URLS="$API" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$OUT/api/Connect.Api.dll" >"$OUT/api.log" 2>&1 &
API_PID=$!
wait_for "$API/health/ready" "$OUT/api.log"

log "loading the catalog"
dotnet "$OUT/seed/Seed.dll" "$API" "$ADMIN_KEY" >&2

# A shop's read-only key, made as operators make them. It has no limit of its own, so the service default above
# (far beyond what the load reaches) applies: a key's own limit may not exceed 100,000 requests/s.
KEY="$(curl -fs -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US"}' \
  "$API/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')"
[[ $KEY == ck_* ]] || die "could not create the benchmark's API key"

# Time travel reads a catalog of 1,000 CONSUMER offerings (the 750 loaded and 250 more, of a LICENSE product so the
# list scenario's matches stay the same) as of an instant after the load, with later entries in the log to skip.
for x in $(seq 1 250); do
  curl -s -o /dev/null -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' -d "{\"productOfferingId\":\"bench-x-$(printf '%04d' "$x")\",
    \"name\":\"Extra $x\",\"productId\":\"bench-p-004\",\"productOfferingGroupId\":\"bench-g-01\",\"customerType\":\"CONSUMER\",
    \"price\":{\"currency\":\"USD\",\"priceType\":\"ONE_TIME\",\"grossPrice\":$((x % 90 + 5)),\"discount\":0,\"taxIncluded\":true}}" \
    "$API/product-offerings"
done
curl -s -o /dev/null -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' -w '%{http_code}\n' -d "{\"productCatalogId\":\"bench-all\",
  \"name\":\"A thousand offerings\",\"customerType\":\"CONSUMER\",\"isDefault\":false,\"productOfferingGroupIds\":[],
  \"productOfferingIds\":[$(seq -f '"bench-o-%04g"' -s, 1 750),$(seq -f '"bench-x-%04g"' -s, 1 250)]}" "$API/product-catalogs" | grep -qE '201|409' ||
  die "could not create the catalog bench-all"
sleep 0.01
ASOF="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
sleep 0.01
for o in $(seq 1 5 1000); do
  curl -fs -o /dev/null -X PATCH -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' \
    -d "{\"description\":\"Patched after $ASOF\"}" "$API/product-offerings/bench-o-$(printf '%04d' "$o")" || die "patching bench-o-$o failed"
done

log "starting the baseline on $BASELINE"
ConnectionStrings__Connect="$DB" ASPNETCORE_URLS="$BASELINE" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$OUT/baseline/Baseline.dll" >"$OUT/baseline.log" 2>&1 &
BASELINE_PID=$!
wait_for "$BASELINE/health" "$OUT/baseline.log"

ETAG="$(curl -fsS -o /dev/null -D - -H "X-Api-Key: $KEY" "$API/product-catalogs/default" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')"
[[ -n $ETAG ]] || die "the default catalog sent no ETag"

# wrk script: each request reads the next of the 1,000 offerings (wrk ... -- <query suffix>).
cat >"$OUT/offerings.lua" <<'LUA'
local n, suffix = 0, ""
function init(args) suffix = args[1] or "" end
function request()
  n = n % 1000 + 1
  return wrk.format(nil, string.format("/product-offerings/bench-o-%04d%s", n, suffix))
end
LUA

# name|base url|path|expected status|extra wrk arguments (key header added for Connect)
SCENARIOS=(
  "offering|$API|/product-offerings/bench-o-0001|200|-s $OUT/offerings.lua"
  "offering+promo|$API|/product-offerings/bench-o-0001?promoCode=BENCH001|200|-s $OUT/offerings.lua"
  "list|$API|/product-offerings?type=SUBSCRIPTION&limit=100|200|"
  "catalog|$API|/product-catalogs/default|200|"
  "catalog 304|$API|/product-catalogs/default|304|"
  "baseline|$BASELINE|/product-offerings/bench-o-0001|200|-s $OUT/offerings.lua"
  "offering asOf|$API|/product-offerings/bench-o-0001?asOf=$ASOF|200|-s $OUT/offerings.lua"
  "list asOf|$API|/product-offerings?type=SUBSCRIPTION&limit=100&asOf=$ASOF|200|"
  "catalog asOf|$API|/product-catalogs/bench-all?asOf=$ASOF|200|"
)
if [[ -n ${BENCH_SCENARIOS:-} ]]; then
  chosen=()
  for s in "${SCENARIOS[@]}"; do [[ ",$BENCH_SCENARIOS," == *",${s%%|*},"* ]] && chosen+=("$s"); done
  [[ ${#chosen[@]} -gt 0 ]] || die "BENCH_SCENARIOS names none of the scenarios"
  SCENARIOS=("${chosen[@]}")
fi

drive() { # scenario connections seconds output
  local name base path expected extra
  IFS='|' read -r name base path expected extra <<<"$1"
  local args=(-t"$(($2 < 2 ? 1 : 2))" -c"$2" -d"$3s" --timeout 5s --latency)
  [[ $base == "$API" ]] && args+=(-H "X-Api-Key: $KEY")
  [[ $name == "catalog 304" ]] && args+=(-H "If-None-Match: $ETAG")
  # shellcheck disable=SC2086 # extra holds wrk arguments
  wrk "${args[@]}" $extra "$base$path" ${extra:+-- "${path#*/bench-o-0001}"} >"$4"
}

check() { # scenario: one request answers the expected status
  local name base path expected extra status headers=(-H "X-Api-Key: $KEY")
  IFS='|' read -r name base path expected extra <<<"$1"
  [[ $name == "catalog 304" ]] && headers+=(-H "If-None-Match: $ETAG")
  status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$path")"
  [[ $status == "$expected" ]] || die "$name: $base$path answered $status, expected $expected"
}

# wrk prints latencies as 812.00us, 1.23ms or 1.05s; the table shows milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); n = v + 0; printf("%.2f", u == "us" ? n / 1000 : u == "s" ? n * 1000 : u == "m" ? n * 60000 : n) }'; }
# "12345 requests in 5.00s, 10.00MB read" → bytes per response
bytes_per_response() {
  awk '/requests in/ { n = $1; v = $5; u = v; sub(/[0-9.]+/, "", u); b = v + 0;
    m = u == "KB" ? 1024 : u == "MB" ? 1048576 : u == "GB" ? 1073741824 : 1; printf("%.0f", n > 0 ? b * m / n : 0) }' "$1"
}
peak_mb() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$API_PID/status"; }

log "checking every scenario once"
for s in "${SCENARIOS[@]}"; do check "$s"; done
log "warming up (3 s per scenario)"
for s in "${SCENARIOS[@]}"; do drive "$s" 16 3 /dev/null; done

: >"$OUT/measurements.txt" # scenario|connections|rps|p50|p99|errors|bytes per response|peak RSS MB
for s in "${SCENARIOS[@]}"; do
  name="${s%%|*}"
  for c in "${CONCURRENCY[@]}"; do
    # Peak RSS per cell: reset the high-water mark where the kernel lets us.
    echo 5 >"/proc/$API_PID/clear_refs" 2>/dev/null || true
    file="$OUT/wrk-${name// /-}-c$c.txt"
    log "$name, $c connections, ${SECONDS_PER_CELL} s"
    drive "$s" "$c" "$SECONDS_PER_CELL" "$file"
    rps="$(awk '/^Requests\/sec/ {print $2}' "$file")"
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")"
    errors="$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")"
    peak="-"
    [[ $name != baseline ]] && peak="$(peak_mb)"
    echo "$name|$c|$rps|$p50|$p99|$errors|$(bytes_per_response "$file")|$peak" >>"$OUT/measurements.txt"
  done
done

"$ROOT/build/bench/report.sh" "$OUT" "$SECONDS_PER_CELL"
