#!/usr/bin/env bash
# Starts the services the PostgreSQL store suite needs on loopback, installing Debian's packages where absent.
# Prints `export TEST_DATABASE_URL=…` on success (eval its output); warns and prints nothing if it cannot.
set -uo pipefail
log() { echo "[ci-services] $*" >&2; }
as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
	log "installing postgresql…"
	as_root apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null 2>&1 || { log "could not install postgresql: PostgreSQL tests will be skipped"; exit 0; }
fi
# Redis: the cluster test starts its own redis-server on a free loopback port.
if ! command -v redis-server >/dev/null 2>&1; then
	log "installing redis-server…"
	as_root apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null 2>&1 || log "could not install redis-server: the cluster test will be skipped"
	# Debian starts a system Redis on 6379 after installing; the tests do not use it.
fi
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -1)
if [ -z "$cluster" ]; then log "no PostgreSQL cluster: PostgreSQL tests will be skipped"; exit 0; fi
read -r version name port _ <<<"$cluster"
as_root pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
psql_admin() { as_root su postgres -c "psql -p $port -tAc \"$1\"" 2>/dev/null; }
for _ in $(seq 1 20); do psql_admin "SELECT 1" | grep -q 1 && break; sleep 0.5; done
if ! psql_admin "SELECT 1" | grep -q 1; then log "PostgreSQL did not start: PostgreSQL tests will be skipped"; exit 0; fi
psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'crosscurrent'" | grep -q 1 || psql_admin "CREATE ROLE crosscurrent LOGIN PASSWORD 'crosscurrent'" >/dev/null
psql_admin "SELECT 1 FROM pg_database WHERE datname = 'crosscurrent_test'" | grep -q 1 || psql_admin "CREATE DATABASE crosscurrent_test OWNER crosscurrent" >/dev/null
log "PostgreSQL $version ready on 127.0.0.1:$port"
echo "export TEST_DATABASE_URL=postgres://crosscurrent:crosscurrent@127.0.0.1:$port/crosscurrent_test"
