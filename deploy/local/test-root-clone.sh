#!/usr/bin/env bash
# Test (run by ./devshare test): as root, a clone in a directory the postgres OS user cannot enter (like /root, mode
# 0700) still gets its PostgreSQL cluster. Copies servers.sh and what it reads into a fresh 0700 temporary directory,
# runs `DEVSHARE_PROFILE=test servers.sh start postgres` there, and checks that the cluster answers with the roles and
# databases the services use, that status sees it and that stop stops it. 5–30 s (initdb). Skipped (exit 0, with a message)
# when not run as root or without a postgres OS user: then PostgreSQL runs as the caller, who can enter its clone.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME="root clone outside the postgres user's reach"

if [[ $EUID -ne 0 ]]; then
  echo "SKIPPED: $NAME: runs only as root (PostgreSQL runs as the caller otherwise, who can enter its clone)"
  exit 0
fi
if ! id -u postgres >/dev/null 2>&1; then
  echo "SKIPPED: $NAME: there is no postgres OS user (apt-get install postgresql creates it)"
  exit 0
fi
fail() { printf 'FAILED: %s: %s\n' "$NAME" "$*" >&2; exit 1; }

TMP=$(mktemp -d) # 0700, owned by root
CLONE="$TMP/clone"
SERVERS="$CLONE/deploy/local/servers.sh"
cleanup() {
  DEVSHARE_PROFILE=test "$SERVERS" stop >/dev/null 2>&1 || true
  local outside
  outside=$(readlink "$CLONE/.local/test/postgres" 2>/dev/null || true)
  [[ -n "$outside" && "$outside" != "$CLONE"* ]] && rm -rf "$outside"
  rm -rf "$TMP"
}
trap cleanup EXIT

mkdir -p "$CLONE/deploy/local/dist" "$CLONE/deploy/keycloak" "$CLONE/.local"
cp "$REPO/deploy/local/servers.sh" "$CLONE/deploy/local/"
cp "$REPO/deploy/local/dist/pom.xml" "$CLONE/deploy/local/dist/"
cp "$REPO/deploy/keycloak/devshare-realm.json" "$CLONE/deploy/keycloak/"
# the downloads, should a servers.sh that cannot start PostgreSQL alone start everything
[[ -e "$REPO/.local/dist" ]] && ln -s "$(readlink -f "$REPO/.local/dist")" "$CLONE/.local/dist"

runuser -u postgres -- test -x "$CLONE" 2>/dev/null &&
  fail "the postgres OS user can enter $CLONE: the test would prove nothing"

out=$(DEVSHARE_PROFILE=test "$SERVERS" start postgres 2>&1) ||
  fail "servers.sh start postgres failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')$(tail -n 5 "$CLONE/.local/test/logs/postgres.log" 2>/dev/null | tr '\n' ' ')"
# shellcheck disable=SC1091
source "$CLONE/.local/test/servers.env"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
answer=$(PGPASSWORD=partner "${DEVSHARE_PG_BIN:-$PGBIN}/psql" -X -tA -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U partner \
  -d partner -c "SELECT current_user || '@' || current_database()" 2>&1) ||
  fail "the cluster does not answer the partner role on port $DEVSHARE_PG_PORT: $answer"
[[ $answer == partner@partner ]] || fail "unexpected answer from the cluster: $answer"
status=$(DEVSHARE_PROFILE=test "$SERVERS" status)
grep -q 'postgres *running' <<<"$status" || fail "status does not see the cluster running: $status"
DEVSHARE_PROFILE=test "$SERVERS" stop >/dev/null
"${DEVSHARE_PG_BIN:-$PGBIN}/pg_isready" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -t 2 && fail "stop left the cluster running"
echo "PASSED: $NAME (cluster of $CLONE in $(readlink "$CLONE/.local/test/postgres"))"
