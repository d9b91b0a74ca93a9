#!/usr/bin/env bash
# Turns build/bench/run.sh's measurements into the markdown table (stdout and OUT/results.md), the goals it
# checks and OUT/results.json.
#
# Usage: build/bench/report.sh OUT SECONDS   reads OUT/measurements.txt, one line per cell:
#   scenario|connections|requests per second|p50 ms|p99 ms|errors|bytes per response|peak RSS MB
set -euo pipefail

OUT="$1"
SECONDS_PER_CELL="$2"

cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
memory="$(awk '/^MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)"
os="$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-}")"
runtime="$(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.AspNetCore.App/ {v = $2} END {print v}')"
machine="$(nproc) cores (${cpu:-unknown CPU}), ${memory:-? GB} RAM, ${os:-Linux} (kernel $(uname -r)), ASP.NET Core ${runtime:-?}"
date="$(date -u +%Y-%m-%dT%H:%MZ)"

awk -F'|' -v date="$date" -v machine="$machine" -v seconds="$SECONDS_PER_CELL" \
  -v md="$OUT/results.md" -v json="$OUT/results.json" '
  { name[NR] = $1; conn[NR] = $2; rps[NR] = $3; p50[NR] = $4; p99[NR] = $5; err[NR] = $6; bytes[NR] = $7; peak[NR] = $8
    at[$1, $2] = NR; if ($2 + 0 > top) top = $2 + 0
    # A "304" answer that carries a body is not one: count it as an error.
    if ($1 == "catalog 304" && $7 + 0 > 2000) err[NR] += $3 * seconds
    errors += err[NR] }
  function ratio(i,   other) {
    other = name[i] == "offering" ? at["baseline", conn[i]] : name[i] == "catalog 304" ? at["catalog", conn[i]] : 0
    return other && rps[other] > 0 ? rps[i] / rps[other] : 0 }
  function goal(text, ok) { goals[++ngoals] = text; met[ngoals] = ok }
  function out(line) { print line; print line > md }
  END {
    out(sprintf("Connect read benchmark, %s, %s s per cell after a 3 s warm-up; wrk on the same machine over loopback.", date, seconds))
    out("Machine: " machine ".")
    out("")
    out("| scenario | connections | requests/s | p50 ms | p99 ms | errors | bytes/response | API peak RSS MB | ratio |")
    out("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for (i = 1; i <= NR; i++) {
      r = ratio(i); label = ""
      if (r > 0) label = sprintf("%.2f× %s", r, name[i] == "offering" ? "baseline" : "catalog 200")
      out(sprintf("| %s | %d | %.0f | %.2f | %.2f | %d | %d | %s | %s |", name[i], conn[i], rps[i], p50[i], p99[i], err[i], bytes[i], peak[i], label))
    }
    o = at["offering", top]; c = at["catalog", top]; n = at["catalog 304", top]
    if (o && at["baseline", top]) goal(sprintf("offering by id ≥ 1.5× the raw-Npgsql baseline at %d connections: %.2f×", top, ratio(o)), ratio(o) >= 1.5)
    if (c) goal(sprintf("default catalog (250 offerings) ≥ 1,000 requests/s: %.0f", rps[c]), rps[c] >= 1000)
    if (n && c) goal(sprintf("304 answers ≥ 3× a full 200 answer of the same catalog: %.2f×", ratio(n)), ratio(n) >= 3)
    if (o) goal(sprintf("p99 of offering by id ≤ 10 ms: %.2f ms", p99[o]), p99[o] <= 10)
    # Time travel: the latency of one read at a time (the lowest concurrency measured).
    low = 1e9; for (i = 1; i <= NR; i++) if (conn[i] + 0 < low) low = conn[i] + 0
    a = at["catalog asOf", low]; f = at["offering asOf", low]
    if (a) goal(sprintf("p99 of a 1,000-offering catalog as of an instant ≤ 100 ms at %d connection(s): %.2f ms", low, p99[a]), p99[a] <= 100)
    if (f) goal(sprintf("p99 of an offering as of an instant ≤ 5 ms at %d connection(s): %.2f ms", low, p99[f]), p99[f] <= 5)
    goal(sprintf("zero errors: %d", errors), errors == 0)
    out("")
    for (g = 1; g <= ngoals; g++) out(sprintf("- [%s] %s", met[g] ? "x" : " ", goals[g]))

    printf("{\n  \"date\": \"%s\",\n  \"machine\": \"%s\",\n  \"secondsPerCell\": %d,\n  \"results\": [\n", date, machine, seconds) > json
    for (i = 1; i <= NR; i++) {
      r = ratio(i) > 0 ? sprintf("%.3f", ratio(i)) : "null"
      printf("    {\"scenario\": \"%s\", \"connections\": %d, \"requestsPerSecond\": %.1f, \"p50Ms\": %.3f, \"p99Ms\": %.3f, \"errors\": %d, \"bytesPerResponse\": %d, \"apiPeakRssMb\": %s, \"ratio\": %s}%s\n",
        name[i], conn[i], rps[i], p50[i], p99[i], err[i], bytes[i], peak[i] == "-" ? "null" : peak[i], r, i < NR ? "," : "") > json
    }
    printf("  ],\n  \"goals\": [\n") > json
    for (g = 1; g <= ngoals; g++)
      printf("    {\"goal\": \"%s\", \"met\": %s}%s\n", goals[g], met[g] ? "true" : "false", g < ngoals ? "," : "") > json
    printf("  ]\n}\n") > json
  }' "$OUT/measurements.txt"
echo "report.sh: wrote $OUT/results.md and $OUT/results.json" >&2
