#!/usr/bin/env bash
# Webhook delivery on one Release node, to a fast receiver on loopback (build/bench/Hooks):
#
#   1. Publishes Connect and the receiver/driver (Release); starts the receiver and the node on an emptied database.
#   2. Makes 1 + HOOKS_WEBHOOKS webhooks (resource type product) and turns them off; writes a backlog of HOOKS_BACKLOG
#      product changes through the API.
#   3. Turns the first webhook on and times the drain at the receiver (first arrival to last): changes delivered per
#      second by one webhook, which delivers strictly in order, one request at a time. Then the other webhooks together.
#   4. Writes HOOKS_RATE changes a second for HOOKS_SECONDS and measures each delivery's lag at the receiver: its arrival
#      minus the change's CloudEvent `time` (occurredAt, taken in the committing transaction), p50 / p99 / max.
#   5. Prints a markdown table (also in $HOOKS_OUT/results.md) with the machine's load; deletes its webhooks; stops
#      the node and the receiver. Every request goes to 127.0.0.1.
#
# Environment (all optional): HOOKS_WEBHOOKS (default 4), HOOKS_BACKLOG (5000), HOOKS_RATE (10), HOOKS_SECONDS (30),
# HOOKS_DB (an Npgsql connection string; default build/db.sh connect_webhooks_bench), HOOKS_PORT_API / HOOKS_PORT_RECEIVER
# (5098 / 5099), HOOKS_OUT (.local/webhooks).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
WEBHOOKS="${HOOKS_WEBHOOKS:-4}"
BACKLOG="${HOOKS_BACKLOG:-5000}"
RATE="${HOOKS_RATE:-10}"
SECONDS_STEADY="${HOOKS_SECONDS:-30}"
API="http://127.0.0.1:${HOOKS_PORT_API:-5098}"
RECEIVER="http://127.0.0.1:${HOOKS_PORT_RECEIVER:-5099}"
OUT="${HOOKS_OUT:-$ROOT/.local/webhooks}"
KEY="ck_hooks_admin_$(printf '%064d' 0)"
mkdir -p "$OUT"

log() { printf 'webhooks.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for url in "$API" "$RECEIVER"; do
  ! curl -s -o /dev/null "$url/" || die "something already answers on $url (set HOOKS_PORT_API / HOOKS_PORT_RECEIVER)"
done

DB="${HOOKS_DB:-}"
if [[ -z $DB ]]; then
  DB="$("$ROOT/build/db.sh" connect_webhooks_bench)"
fi
# Each run starts from an empty database, so runs compare.
if [[ $DB =~ Host=([^;]+)\;Port=([0-9]+)\;Database=([^;]+) ]] && command -v psql >/dev/null 2>&1; then
  PGPASSWORD=connect psql -X -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U connect -d postgres \
    -c "drop database if exists ${BASH_REMATCH[3]}" >&2 2>/dev/null || true
  "$ROOT/build/db.sh" "${BASH_REMATCH[3]}" >/dev/null
fi

log "publishing Connect and the receiver/driver (Release)"
dotnet publish "$ROOT/src/Connect.Api" -c Release -o "$OUT/api" --nologo -v quiet >&2
dotnet publish "$ROOT/build/bench/Hooks" -c Release -o "$OUT/hooks" --nologo -v quiet >&2

PIDS=""
stop_all() {
  for pid in $PIDS; do kill "$pid" 2>/dev/null && { wait "$pid" 2>/dev/null || true; }; done
  PIDS=""
  return 0
}
trap stop_all EXIT

dotnet "$OUT/hooks/Hooks.dll" receive "${RECEIVER##*:}" >"$OUT/receiver.log" 2>&1 &
PIDS="$PIDS $!"
env ConnectionStrings__Connect="$DB" Connect__BootstrapApiKey="$KEY" Connect__DemoData=false \
  Connect__Identity__PermitsPerSecond=10000000 Connect__Identity__Burst=10000000 \
  Connect__Webhooks__AllowPrivateNetworks=true Serilog__MinimumLevel__Default=Warning \
  ASPNETCORE_URLS="$API" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$OUT/api/Connect.Api.dll" >"$OUT/api.log" 2>&1 &
PIDS="$PIDS $!"

for _ in $(seq 1 240); do
  curl -fs "$API/health/ready" >/dev/null 2>&1 && curl -fs "$RECEIVER/stats" >/dev/null 2>&1 && break
  sleep 0.25
done
curl -fs "$API/health/ready" >/dev/null 2>&1 || die "the node did not get ready (see $OUT/api.log)"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# Bounded: the driver gives up on a drain after 5 minutes and on the steady phase's deliveries after 2.
timeout 900 dotnet "$OUT/hooks/Hooks.dll" drive "$API" "$KEY" "$RECEIVER" "$WEBHOOKS" "$BACKLOG" "$SECONDS_STEADY" "$RATE" >"$OUT/table.md"
{
  cat "$OUT/table.md"
  echo
  echo "One Release node, receiver and PostgreSQL on $(nproc) cores; load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after, $(date -u +%Y-%m-%dT%H:%MZ)."
} | tee "$OUT/results.md"
