#!/usr/bin/env bash
# Ensures a PostgreSQL server is reachable for Connect and prints exactly ONE line on stdout: an
# Npgsql connection string for database DBNAME (default: connect), creating that database if it is
# missing. Progress and diagnostics go to stderr, so callers can simply write
#     CONNECT_DB="$(build/db.sh)"
#
# Usage:
#   build/db.sh [DBNAME]   ensure a server and the database, print the connection string
#   build/db.sh --stop     stop this repository's private cluster (its data is kept)
#
# Where the server comes from, first match wins:
#   1. $CONNECT_DB, printed unchanged (only for DBNAME=connect).
#   2. Docker: the `postgres` service of docker-compose.yml, on 127.0.0.1:5432. Used when a Docker
#      engine answers, unless CONNECT_USE_LOCAL_PG=1.
#   3. A private, throwaway cluster under <repo>/.local/pg on 127.0.0.1:${CONNECT_PG_PORT:-55432},
#      run with the installed PostgreSQL binaries. If they are missing, PostgreSQL is installed with
#      apt-get when we are root or have passwordless sudo, unless CONNECT_NO_INSTALL=1.
#      If another server already answers on that port (typically the cluster of another clone of
#      this repository), it is reused as long as it accepts the connect/connect login.
#      CONNECT_PG_HOME=<dir> puts the cluster there instead (the reliability tests use it for a
#      throwaway cluster they may stop and start; `--stop` then stops that one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PORT="${CONNECT_PG_PORT:-55432}"
ROLE=connect
PASSWORD=connect
DOCKER_PORT=5432 # must match the port mapping in docker-compose.yml

log() { printf 'db.sh: %s\n' "$*" >&2; }
die() {
  printf 'db.sh: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
}

connection_string() { # host port db
  printf 'Host=%s;Port=%s;Database=%s;Username=%s;Password=%s\n' "$1" "$2" "$3" "$ROLE" "$PASSWORD"
}

# ---------------------------------------------------------------------------------------------
# Docker
# ---------------------------------------------------------------------------------------------

# `docker info` hangs for a long time on some broken setups (stale contexts, dead sockets).
docker_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$ROOT/docker-compose.yml" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$ROOT/docker-compose.yml" "$@"
  else
    die "a Docker engine answers but 'docker compose' is not installed; install the compose plugin or set CONNECT_USE_LOCAL_PG=1"
  fi
}

use_docker() {
  log "Docker engine found: starting the postgres service of docker-compose.yml"
  compose up -d postgres >&2

  local id status deadline=$((SECONDS + 90))
  id="$(compose ps -q postgres)"
  [[ -n $id ]] || die "docker compose did not start the postgres service"
  log "waiting for the postgres container to become healthy (up to 90 s)"
  while :; do
    status="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id" 2>/dev/null || true)"
    [[ $status == healthy ]] && break
    if ((SECONDS >= deadline)); then
      compose logs --tail 30 postgres >&2 || true
      die "the postgres container is still '${status:-unknown}' after 90 s (logs above)"
    fi
    sleep 1
  done

  # POSTGRES_USER=connect is the image's superuser, so it may create databases.
  local exists
  exists="$(compose exec -T postgres psql -X -U "$ROLE" -d postgres -tAc \
    "select 1 from pg_database where datname = '$DB'")"
  if [[ $exists != 1 ]]; then
    log "creating database $DB"
    compose exec -T postgres psql -X -q -v ON_ERROR_STOP=1 -U "$ROLE" -d postgres \
      -c "create database \"$DB\" owner \"$ROLE\"" >&2
  fi
  connection_string 127.0.0.1 "$DOCKER_PORT" "$DB"
}

# ---------------------------------------------------------------------------------------------
# Private cluster: binaries
# ---------------------------------------------------------------------------------------------

# Prints the directory holding initdb/pg_ctl/postgres: the highest Debian-style versioned
# directory, else what pg_config reports, else wherever initdb is on PATH.
find_bindir() {
  local d best=""
  local -a dirs
  dirs=(/usr/lib/postgresql/*/bin)
  while IFS= read -r d; do
    [[ -x $d/initdb ]] && best=$d
  done < <(printf '%s\n' "${dirs[@]}" | sort -V)
  if [[ -z $best ]] && command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    [[ -n $d && -x $d/initdb ]] && best=$d
  fi
  if [[ -z $best ]] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  [[ -n $best ]] && printf '%s\n' "$best"
}

SUDO=()              # prefix for commands that need root; stays empty when we are root
ADDED_POLICY_RC=""   # set while a temporary /usr/sbin/policy-rc.d of ours exists

cleanup() {
  if [[ -n $ADDED_POLICY_RC ]]; then
    "${SUDO[@]}" rm -f "$ADDED_POLICY_RC" || true
  fi
}
trap cleanup EXIT

# Installs PostgreSQL with apt-get if allowed; returns non-zero (after saying why) if not.
install_postgres() {
  if [[ ${CONNECT_NO_INSTALL:-0} == 1 ]]; then
    log "not installing PostgreSQL because CONNECT_NO_INSTALL=1"
    return 1
  fi
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO=(sudo -n)
    else
      log "not installing PostgreSQL: not root and no passwordless sudo"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "not installing PostgreSQL: apt-get not found (only Debian/Ubuntu are handled)"
    return 1
  fi

  log "PostgreSQL server binaries not found: installing the 'postgresql' package with apt-get"
  log "(set CONNECT_NO_INSTALL=1 to forbid this)"
  # We only need the binaries. A policy-rc.d answering 101 ("action forbidden") stops the package
  # from starting Debian's system cluster on port 5432 (invoke-rc.d and deb-systemd-invoke both
  # honour it). Only added when the machine has no policy of its own; removed again on exit.
  # (This function runs inside an `if`, where set -e is off, hence the explicit checks.)
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    ADDED_POLICY_RC=/usr/sbin/policy-rc.d
    if ! printf '#!/bin/sh\n# temporary, written by Connect build/db.sh\nexit 101\n' |
      "${SUDO[@]}" tee "$ADDED_POLICY_RC" >/dev/null ||
      ! "${SUDO[@]}" chmod 755 "$ADDED_POLICY_RC"; then
      log "warning: could not write $ADDED_POLICY_RC; the system PostgreSQL service may start"
    fi
  fi
  local rc=0
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends postgresql >&2 ||
    rc=$?
  cleanup
  ADDED_POLICY_RC=""
  ((rc == 0)) || log "apt-get failed (exit code $rc)"
  return "$rc"
}

# Sets BIN, PSQL and PG_ISREADY; installs PostgreSQL first when needed and allowed.
resolve_binaries() {
  local install_allowed=$1
  BIN="$(find_bindir || true)"
  if [[ -z $BIN && $install_allowed == yes ]] && install_postgres; then
    BIN="$(find_bindir || true)"
  fi
  if [[ -z $BIN ]]; then
    die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them, e.g.
    sudo apt-get install postgresql     (Debian/Ubuntu; the system service is not needed)
  or start Docker (docker-compose.yml is used then), or point CONNECT_DB at an existing database."
  fi
  # Debian ships the client tools next to the server; elsewhere fall back to PATH.
  PSQL="$BIN/psql"
  [[ -x $PSQL ]] || PSQL="$(command -v psql || true)"
  PG_ISREADY="$BIN/pg_isready"
  [[ -x $PG_ISREADY ]] || PG_ISREADY="$(command -v pg_isready || true)"
  [[ -n $PSQL && -n $PG_ISREADY ]] || die "psql/pg_isready not found; install the PostgreSQL client (postgresql-client)"
}

# ---------------------------------------------------------------------------------------------
# Private cluster: location and ownership
# ---------------------------------------------------------------------------------------------

# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
if ((EUID == 0)); then OWNER=postgres; else OWNER="$(id -un)"; fi

# Runs a command as the cluster owner. `cd /` because the caller's directory (say, /root) may be
# unreadable for that user, and initdb/pg_ctl fail when they cannot resolve their cwd. Closing
# fd 9 (our lock, see the end) keeps a server started here from holding the lock forever.
as_owner() {
  if ((EUID == 0)); then
    (exec 9>&- && cd / && runuser -u "$OWNER" -- "$@")
  else
    (exec 9>&- && cd / && "$@")
  fi
}

PRIMARY_HOME="$ROOT/.local/pg"
# Used when the owner cannot reach the repository (e.g. a 0700 home directory) or the path is too
# long for a unix socket. Keyed by the repository path so that clones do not share it.
FALLBACK_HOME="/tmp/connect-pg-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"

set_home() {
  PGHOME=$1
  DATA="$PGHOME/data"
  SOCKDIR="$PGHOME/run"
  LOGFILE="$PGHOME/postgres.log"
}

initialized() { [[ -f $1/data/PG_VERSION ]]; }

# Picks PGHOME: an existing cluster wins, else the repository's .local/pg when its socket path
# fits (unix socket paths are limited to 107 bytes).
choose_home() {
  if [[ -n ${CONNECT_PG_HOME:-} ]]; then
    set_home "$CONNECT_PG_HOME"
  elif initialized "$PRIMARY_HOME"; then
    set_home "$PRIMARY_HOME"
  elif initialized "$FALLBACK_HOME"; then
    set_home "$FALLBACK_HOME"
  elif ((${#PRIMARY_HOME} + ${#PORT} + 15 > 100)); then
    log "repository path too long for a unix socket: the cluster goes to $FALLBACK_HOME"
    set_home "$FALLBACK_HOME"
  else
    set_home "$PRIMARY_HOME"
  fi
}

# Creates PGHOME for the owner. Returns non-zero if the owner cannot write to it afterwards.
# (Called inside an `if`, where set -e is off, hence the explicit `|| return 1`.)
prepare_home() {
  if [[ $PGHOME == "$FALLBACK_HOME" ]]; then
    # A predictable name in /tmp: never follow a symlink or adopt somebody else's directory.
    [[ ! -L $PGHOME ]] || die "$PGHOME is a symlink; remove it"
    if [[ ! -d $PGHOME ]]; then
      mkdir -m 700 "$PGHOME" || return 1
    fi
  else
    mkdir -p "$PGHOME" || return 1
  fi
  if ((EUID == 0)); then
    chown "$OWNER": "$PGHOME" || return 1
  fi
  [[ $(stat -c %U "$PGHOME") == "$OWNER" ]] || die "$PGHOME belongs to $(stat -c %U "$PGHOME"), not $OWNER"
  as_owner test -w "$PGHOME" -a -x "$PGHOME"
}

# ---------------------------------------------------------------------------------------------
# Private cluster: life cycle
# ---------------------------------------------------------------------------------------------

cluster_running() { as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# Port the running postmaster listens on (4th line of postmaster.pid).
running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true; }

# pg_isready: 0 = accepting, 1 = rejecting (e.g. starting up), 2 = no response.
port_answers() {
  local rc=0
  "$PG_ISREADY" -q -h 127.0.0.1 -p "$PORT" -t 3 || rc=$?
  ((rc == 0 || rc == 1))
}

wait_ready() {
  local deadline=$((SECONDS + 30))
  until "$PG_ISREADY" -q -h 127.0.0.1 -p "$PORT" -t 3; do
    ((SECONDS < deadline)) || die "PostgreSQL on 127.0.0.1:$PORT is not ready after 30 s (log: $LOGFILE)"
    sleep 0.5
  done
}

init_cluster() {
  if ! prepare_home; then
    [[ $PGHOME == "$PRIMARY_HOME" ]] || die "user $OWNER cannot write to $PGHOME"
    rmdir "$PGHOME" 2>/dev/null || true
    log "user $OWNER cannot reach $PGHOME (is the repository under a private home directory?)"
    log "the cluster goes to $FALLBACK_HOME instead"
    set_home "$FALLBACK_HOME"
    prepare_home || die "user $OWNER cannot write to $PGHOME"
  fi

  log "initializing a private PostgreSQL cluster in $DATA"
  # Authentication: this is a private dev/test cluster. Unix-socket connections are trusted, but
  # the socket lives in a 0700 directory, so only the cluster owner (and root) can use it; that
  # is how this script administers the cluster as superuser `postgres`. TCP is limited to
  # 127.0.0.1 and needs a password (the app logs in as connect/connect).
  local -a quiet=()
  # initdb's closing "you can now start the server with ..." advice does not apply here (PG >= 14).
  [[ $("$BIN/initdb" --help) == *--no-instructions* ]] && quiet=(--no-instructions)
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --no-locale "${quiet[@]}" \
    --auth-local=trust --auth-host=scram-sha-256 >&2
  as_owner mkdir -m 700 "$SOCKDIR"
  as_owner tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
# Private Connect dev/test cluster, written by build/db.sh.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   scram-sha-256
EOF
  # Modest settings; the port is also passed on every start, so CONNECT_PG_PORT can change later.
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# ---- Connect private dev/test cluster (build/db.sh) ----
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '${SOCKDIR//\'/\'\'}'
max_connections = 200
shared_buffers = 128MB
# Throwaway dev/test cluster: losing the last few commits in a crash is harmless here, and the
# test suite's many small transactions run faster without waiting for each WAL flush.
synchronous_commit = off
EOF
}

start_cluster() {
  if ((EUID != 0)) && [[ $(stat -c %U "$DATA") != "$OWNER" ]]; then
    die "the cluster in $DATA belongs to $(stat -c %U "$DATA"); run this script as root (or that user)"
  fi
  log "starting the private cluster on 127.0.0.1:$PORT (log: $LOGFILE)"
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 -o "-p $PORT" start >&2; then
    tail -n 20 "$LOGFILE" >&2 || true
    die "PostgreSQL did not start (last log lines above)"
  fi
}

# Superuser psql over the private unix socket.
psql_admin() {
  as_owner "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$SOCKDIR" -p "$PORT" -U postgres -d postgres "$@"
}

ensure_role_and_database() {
  psql_admin >&2 <<EOF
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$ROLE') then
    create role "$ROLE" login password '$PASSWORD' createdb;
  end if;
end \$\$;
EOF
  if [[ $(psql_admin -tAc "select 1 from pg_database where datname = '$DB'") != 1 ]]; then
    log "creating database $DB"
    psql_admin -c "create database \"$DB\" owner \"$ROLE\"" >&2
  fi
}

# Another server owns the port (most likely the private cluster of another clone of this
# repository). Reuse it if it takes our login; the connect role may create databases.
use_foreign_server() {
  log "127.0.0.1:$PORT is served by a PostgreSQL that is not this repository's cluster; reusing it"
  local -a psql_tcp=("$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d postgres)
  local exists
  if ! exists="$(PGPASSWORD=$PASSWORD "${psql_tcp[@]}" -tAc \
    "select 1 from pg_database where datname = '$DB'")"; then
    die "another server listens on 127.0.0.1:$PORT and does not accept the $ROLE/$PASSWORD login;
    stop it, or pick another port with CONNECT_PG_PORT=<port>"
  fi
  if [[ $exists != 1 ]]; then
    log "creating database $DB"
    PGPASSWORD=$PASSWORD "${psql_tcp[@]}" -c "create database \"$DB\"" >&2
  fi
}

use_private_cluster() {
  resolve_binaries yes
  if ((EUID == 0)) && ! id "$OWNER" >/dev/null 2>&1; then
    die "running as root, but there is no '$OWNER' user to own the cluster (PostgreSQL refuses root);
    create it (useradd --system $OWNER) or run this script as an ordinary user"
  fi
  choose_home

  if initialized "$PGHOME" && cluster_running; then
    local port
    port="$(running_port)"
    [[ $port == "$PORT" ]] || die "the private cluster in $DATA runs on port $port, not $PORT;
    use CONNECT_PG_PORT=$port, or stop it first with build/db.sh --stop"
    log "reusing the running private cluster on 127.0.0.1:$PORT ($DATA)"
  elif port_answers; then
    use_foreign_server
    connection_string 127.0.0.1 "$PORT" "$DB"
    return
  else
    initialized "$PGHOME" || init_cluster
    start_cluster
  fi
  wait_ready
  ensure_role_and_database
  connection_string 127.0.0.1 "$PORT" "$DB"
}

stop_private_cluster() {
  resolve_binaries no
  local home found=""
  local -a homes=("$PRIMARY_HOME" "$FALLBACK_HOME")
  [[ -z ${CONNECT_PG_HOME:-} ]] || homes=("$CONNECT_PG_HOME")
  for home in "${homes[@]}"; do
    initialized "$home" || continue
    found=yes
    set_home "$home"
    if cluster_running; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
      log "stopped the private cluster in $DATA (data kept; delete $PGHOME to drop it)"
    else
      log "the private cluster in $DATA is not running"
    fi
  done
  [[ -n $found ]] || log "no private cluster found (looked in $PRIMARY_HOME and $FALLBACK_HOME)"
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

MODE=ensure
DB=connect
if (($# > 1)); then usage; exit 2; fi
case "${1:-}" in
  --stop) MODE=stop ;;
  -h | --help) usage; exit 0 ;;
  -*) usage; exit 2 ;;
  "") ;;
  *) DB=$1 ;;
esac
# Also keeps the name safe to splice into SQL below.
[[ $DB =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name '$DB': use lowercase letters, digits and _"
[[ $PORT =~ ^[0-9]{1,5}$ ]] || die "CONNECT_PG_PORT='$PORT' is not a port number"

if [[ $MODE == ensure && $DB == connect && -n ${CONNECT_DB:-} ]]; then
  printf '%s\n' "$CONNECT_DB"
  exit 0
fi

# Serialize concurrent runs (e.g. two terminals), which would otherwise race on initdb/createdb.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/connect-db-$(id -u)-${FALLBACK_HOME##*-}.lock"
  flock -w 300 9 || die "another build/db.sh still holds the lock after 300 s"
fi

if [[ $MODE == stop ]]; then
  stop_private_cluster
elif [[ -n ${CONNECT_PG_HOME:-} ]]; then
  use_private_cluster
elif [[ ${CONNECT_USE_LOCAL_PG:-0} != 1 ]] && docker_answers; then
  use_docker
else
  use_private_cluster
fi
