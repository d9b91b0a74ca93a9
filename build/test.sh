#!/usr/bin/env bash
# Runs the whole Connect test suite and ends with one summary line:
#     tests: N passed, N failed[, N skipped]
#
# Usage: build/test.sh [extra `dotnet test` arguments, e.g. --filter Category=Unit]
#
# Database for the integration tests, first match wins:
#   1. $CONNECT_TEST_DB (an Npgsql connection string), used as is;
#   2. a Docker engine answers (and CONNECT_USE_LOCAL_PG != 1): CONNECT_TEST_DB stays unset and
#      the test fixture starts its own PostgreSQL with Testcontainers;
#   3. otherwise build/db.sh provides database `connect_test` (private cluster, see db.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

# Reads `dotnet test` output (VSTest console logger) and prints "passed failed skipped assemblies",
# summed over the per-assembly lines, which look like
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.dll (net10.0)
#   Failed!  - Failed:     1, Passed:    40, Skipped:     0, Total:    41, Duration: 9 s - Y.dll (net10.0)
parse_summary() {
  awk '
    match($0, /[A-Za-z]+! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+, +Total: +[0-9]+/) {
      line = substr($0, RSTART, RLENGTH)
      gsub(/[^0-9]+/, " ", line)      # leaves " failed passed skipped total"
      split(line, n, " ")
      failed += n[1]; passed += n[2]; skipped += n[3]; assemblies++
    }
    END { printf "%d %d %d %d\n", passed, failed, skipped, assemblies }
  ' "$1"
}

closing_line() { # passed failed skipped
  local line="tests: $1 passed, $2 failed"
  (($3 > 0)) && line+=", $3 skipped"
  printf '%s\n' "$line"
}

docker_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

main() {
  if [[ -n ${CONNECT_TEST_DB:-} ]]; then
    echo "test.sh: using the database from CONNECT_TEST_DB" >&2
  elif [[ ${CONNECT_USE_LOCAL_PG:-0} != 1 ]] && docker_answers; then
    echo "test.sh: Docker engine found: the integration tests start PostgreSQL with Testcontainers" >&2
  else
    local db
    if ! db="$("$ROOT/build/db.sh" connect_test)"; then
      echo "test.sh: database setup failed (see build/db.sh messages above)"
      closing_line 0 0 0
      return 1
    fi
    export CONNECT_TEST_DB="$db"
    echo "test.sh: integration tests use the private cluster: ${db%%;Username=*}" >&2
  fi

  if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the dotnet SDK is not installed (https://dot.net)"
    closing_line 0 0 0
    return 1
  fi

  # The summary parser needs VSTest's classic English console output: no MSBuild terminal logger
  # (it prints a different summary) and no localized messages.
  export MSBUILDTERMINALLOGGER=off DOTNET_CLI_UI_LANGUAGE=en
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

  local out status
  out="$(mktemp "${TMPDIR:-/tmp}/connect-test.XXXXXX")"
  # shellcheck disable=SC2064 # expand $out now, the variable is local
  trap "rm -f '$out'" EXIT

  # Live output and a copy to parse. PIPESTATUS[0] is dotnet's exit code, not tee's.
  set +e
  dotnet test "$ROOT/Connect.sln" -c Release "$@" 2>&1 | tee "$out"
  status=${PIPESTATUS[0]}
  set -e

  local passed failed skipped assemblies
  read -r passed failed skipped assemblies < <(parse_summary "$out")

  local ok=1
  echo
  if ((assemblies == 0)); then
    ok=0
    if ((status != 0)); then
      echo "test.sh: build failed (dotnet test exited with $status before any test ran)"
    else
      echo "test.sh: no tests were found"
    fi
  elif ((passed + failed + skipped == 0)); then
    ok=0
    echo "test.sh: no tests were found"
  elif ((failed > 0)); then
    ok=0
    echo "test.sh: $failed test(s) failed"
  elif ((status != 0)); then
    ok=0
    echo "test.sh: dotnet test exited with $status (a project may have failed to build or a test host crashed; see above)"
  fi
  closing_line "$passed" "$failed" "$skipped"
  ((ok == 1))
}

# Sourcing this file (e.g. to try parse_summary on sample output) defines the functions only.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
