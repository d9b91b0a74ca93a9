#!/usr/bin/env bash
# How the in-memory catalog holds up as it grows and changes: two Release nodes (A and B) on one database.
#
#   1. Publishes Connect, the seeder (build/bench/Seed) and the probes (build/bench/Scale), Release.
#   2. For each size N: starts node A on its database, loads N offerings through the API (once: a second run finds
#      them), then starts node B and times its cold start (process start → first read answered; and the catalog load
#      its log reports).
#   3. Measures, with wrk (16 connections) reading GET /product-offerings/{id} of random offerings on A:
#        reads quiet               nothing else happens
#        reads under 5 writes/s    B takes 5 PATCHes/s (name and price of random offerings) meanwhile
#      then the next read on the writing node after a write (B: GET, PATCH, GET the same offering), how long until
#      the other node (A) shows B's write, what applying one of those changes cost A (its debug log), and each
#      node's peak RSS. The machine's load average is printed too: other processes on it skew every figure.
#   4. Prints a markdown table and writes it to $SCALE_OUT/results.md.
#
# Environment (all optional):
#   SCALE_OFFERINGS   sizes to measure (default "2000 20000"); each has its own database, connect_scale for 20,000,
#                     connect_scale_<N> otherwise (CONNECT_SCALE_DB overrides, for a single size)
#   SCALE_SECONDS     seconds per wrk run (default 10)
#   SCALE_SAMPLES     samples of the two latency probes (default 100)
#   SCALE_PORT_A / SCALE_PORT_B   the nodes' ports (default 5095 / 5096)
#   SCALE_OUT         output folder (default .local/scale)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
read -r -a SIZES <<<"${SCALE_OFFERINGS:-2000 20000}"
SECONDS_PER_RUN="${SCALE_SECONDS:-10}"
SAMPLES="${SCALE_SAMPLES:-100}"
A="http://127.0.0.1:${SCALE_PORT_A:-5095}"
B="http://127.0.0.1:${SCALE_PORT_B:-5096}"
OUT="${SCALE_OUT:-$ROOT/.local/scale}"
KEY="ck_scale_admin_$(printf '%064d' 0)"
mkdir -p "$OUT"

log() { printf 'scale.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v wrk >/dev/null 2>&1 || die "wrk is not installed (apt-get install wrk)"
for url in "$A" "$B"; do
  ! curl -s -o /dev/null "$url/" || die "something already answers on $url (set SCALE_PORT_A / SCALE_PORT_B)"
done

log "publishing Connect, the seeder and the probes (Release)"
dotnet publish "$ROOT/src/Connect.Api" -c Release -o "$OUT/api" --nologo -v quiet >&2
dotnet publish "$ROOT/build/bench/Seed" -c Release -o "$OUT/seed" --nologo -v quiet >&2
dotnet publish "$ROOT/build/bench/Scale" -c Release -o "$OUT/scale" --nologo -v quiet >&2

A_PID=""
B_PID=""
stop_nodes() {
  for pid in $A_PID $B_PID; do kill "$pid" 2>/dev/null && { wait "$pid" 2>/dev/null || true; }; done
  A_PID=""
  B_PID=""
  return 0
}
trap stop_nodes EXIT

start_node() { # url database log; sets STARTED to its pid (a child of this shell, so it can be waited for)
  # env: the override's name has dots, which a shell assignment does not allow.
  env ConnectionStrings__Connect="$2" Connect__BootstrapApiKey="$KEY" \
    Connect__Identity__PermitsPerSecond=10000000 Connect__Identity__Burst=10000000 \
    Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Connect.Catalog.Reading=Debug \
    ASPNETCORE_URLS="$1" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$OUT/api/Connect.Api.dll" >"$3" 2>&1 &
  STARTED=$!
}

wait_for() { # url log
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  die "$1 did not answer (see $2)"
}

cat >"$OUT/random.lua" <<'LUA'
local n = 1000
function init(args) n = tonumber(args[1]); math.randomseed(os.time() + math.floor(os.clock() * 1e6)) end
function request() return wrk.format(nil, string.format("/product-offerings/bench-o-%04d", math.random(1, n))) end
LUA

to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); n = v + 0; printf("%.2f", u == "us" ? n / 1000 : u == "s" ? n * 1000 : n) }'; }
read_run() { # n file → "rps p99"
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --timeout 5s --latency -H "X-Api-Key: $KEY" -s "$OUT/random.lua" "$A/" -- "$1" >"$2"
  local errors
  errors="$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$2")"
  [[ $errors == 0 ]] || die "$errors errors reading (see $2)"
  echo "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$2") $(to_ms "$(awk '$1 == "99%" {print $2}' "$2")")"
}
value() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k {print $2}'; }
peak_mb() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# "Applied the change log up to 123 (1 offerings changed) in 2.3 ms" → p50 and p99 of the single-offering steps
apply_cost() {
  grep -o '(1 offerings changed) in [0-9.]* ms' "$1" | awk '{print $5}' | sort -n |
    awk '{v[NR] = $1} END { if (NR == 0) { print "- -"; exit } p = int(NR * 0.99 + 0.99); printf "%.2f %.2f\n", v[int((NR + 1) / 2)], v[p] }'
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
: >"$OUT/rows.txt"
for n in "${SIZES[@]}"; do
  db_name="connect_scale"
  [[ $n == 20000 ]] || db_name="connect_scale_$n"
  DB="${CONNECT_SCALE_DB:-$("$ROOT/build/db.sh" "$db_name")}"

  log "$n offerings: node A on $A"
  start_node "$A" "$DB" "$OUT/a-$n.log"
  A_PID=$STARTED
  wait_for "$A/health/ready" "$OUT/a-$n.log"
  # The seeder creates offerings in parallel, so a run cut short may leave gaps: look for the last and the first one.
  if ! curl -fs -o /dev/null -H "X-Api-Key: $KEY" "$A/product-offerings/bench-o-$(printf '%04d' $((n - 1)))" ||
    ! curl -fs -o /dev/null -H "X-Api-Key: $KEY" "$A/product-offerings/bench-o-0001"; then
    log "loading $n offerings through the API (once per database)"
    dotnet "$OUT/seed/Seed.dll" "$A" "$KEY" "$n" >&2
  fi

  log "$n offerings: node B on $B (cold start)"
  started="$(date +%s%N)"
  start_node "$B" "$DB" "$OUT/b-$n.log"
  B_PID=$STARTED
  until curl -fs -o /dev/null -H "X-Api-Key: $KEY" "$B/product-offerings/bench-o-0001" 2>/dev/null; do sleep 0.02; done
  cold_ms="$(( ($(date +%s%N) - started) / 1000000 ))"
  load_ms="$(grep -o 'Loaded the catalog ([0-9]* offerings[^)]*) in [0-9.]* ms' "$OUT/b-$n.log" | tail -1 | awk '{print $(NF-1)}')"

  log "$n offerings: reads on A, quiet (${SECONDS_PER_RUN} s after a 3 s warm-up)"
  SECONDS_PER_RUN=3 read_run "$n" /dev/null >/dev/null
  read -r quiet_rps quiet_p99 <<<"$(read_run "$n" "$OUT/wrk-quiet-$n.txt")"
  # The write path's first runs are compiled on the fly (seconds of CPU on B): warm it before measuring.
  dotnet "$OUT/scale/Scale.dll" write "$B" "$KEY" "$n" 4 20 >/dev/null
  log "$n offerings: reads on A while B takes 5 PATCHes/s"
  dotnet "$OUT/scale/Scale.dll" write "$B" "$KEY" "$n" "$((SECONDS_PER_RUN + 1))" 5 >"$OUT/writes-$n.txt" &
  writer_pid=$!
  read -r busy_rps busy_p99 <<<"$(read_run "$n" "$OUT/wrk-busy-$n.txt")"
  wait "$writer_pid"

  log "$n offerings: next read on the writing node, and when the other node sees the write ($SAMPLES samples each)"
  next="$(dotnet "$OUT/scale/Scale.dll" next-read "$B" "$KEY" "$n" "$SAMPLES")"
  # What applying one change costs A, from its log, while nothing else loads it (only the probe's reads).
  tail -n0 -f "$OUT/a-$n.log" >"$OUT/a-$n-apply.log" &
  tail_pid=$!
  seen="$(dotnet "$OUT/scale/Scale.dll" visibility "$B" "$A" "$KEY" "$n" "$SAMPLES")"
  kill "$tail_pid" 2>/dev/null || true
  read -r apply_p50 apply_p99 <<<"$(apply_cost "$OUT/a-$n-apply.log")"
  peak_a="$(peak_mb "$A_PID")"
  peak_b="$(peak_mb "$B_PID")"
  stop_nodes

  echo "$n|$quiet_rps|$quiet_p99|$busy_rps|$busy_p99|$(value quiet_p50 "$next")|$(value next_p50 "$next")|$(value next_p99 "$next")|$(value seen_p50 "$seen")|$(value seen_p99 "$seen")|$apply_p50|$apply_p99|$cold_ms|${load_ms:--}|$peak_a|$peak_b" >>"$OUT/rows.txt"
done

{
  echo "| offerings | reads quiet (req/s, p99) | reads under 5 writes/s (req/s, p99) | next read on the writing node after a write (p50 / p99; quiet read p50) | other node sees it (p50 / p99) | one change applied (p50 / p99) | cold start (first read; catalog load) | peak RSS A / B |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '{ printf "| %d | %d, %s ms | %d (%.0f%%), %s ms | %s / %s ms (%s ms) | %s / %s ms | %s / %s ms | %.1f s; %s ms | %s / %s MB |\n",
    $1, $2, $3, $4, ($2 > 0 ? 100 * $4 / $2 : 0), $5, $7, $8, $6, $9, $10, $11, $12, $13 / 1000, $14, $15, $16 }' "$OUT/rows.txt"
  echo
  echo "$(nproc) cores, load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after, $(date -u +%Y-%m-%dT%H:%MZ); wrk: 2 threads, 16 connections, ${SECONDS_PER_RUN} s per run; probes: $SAMPLES samples."
} | tee "$OUT/results.md"
