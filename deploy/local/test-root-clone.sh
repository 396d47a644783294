#!/usr/bin/env bash
# Test (run by ./devshare test): as root, a clone in a directory the postgres OS user cannot enter (like /root, mode
# 0700) still gets its PostgreSQL cluster, with the installed binaries and with those downloaded from Maven Central
# (DEVSHARE_PG_BIN=download; those then lie in the clone too, so servers.sh must copy them where that user reaches).
# For each, copies servers.sh and what it reads into a fresh 0700 temporary directory, runs
# `DEVSHARE_PROFILE=test servers.sh start postgres` there, and checks that the cluster answers with the roles and
# databases the services use, that status sees it and that stop stops it. 10–60 s (initdb; the first time also the
# download, ~15 MB, kept in .local/dist). Skipped (exit 0, with a message) when not run as root or without a postgres
# OS user: then PostgreSQL runs as the caller, who can enter its clone. Without installed binaries only the download
# is tried; without any psql the login as a service's role is not checked (status still asks the server).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME="root clone outside the postgres user's reach"

if [[ $EUID -ne 0 ]]; then
  echo "SKIPPED: $NAME: runs only as root (PostgreSQL runs as the caller otherwise, who can enter its clone)"
  exit 0
fi
if ! id -u postgres >/dev/null 2>&1; then
  echo "SKIPPED: $NAME: there is no postgres OS user yet (servers.sh start creates it when run as root)"
  exit 0
fi
fail() { printf 'FAILED: %s: %s\n' "$NAME" "$*" >&2; exit 1; }

[[ ${DEVSHARE_PG_BIN:-} == download ]] && unset DEVSHARE_PG_BIN # both sources are tried anyway
PG_DIST_VERSION=$(sed -n 's/^PG_DIST_VERSION=//p' "$REPO/deploy/local/servers.sh")
INSTALLED=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
PSQL=""
for b in "${DEVSHARE_PG_BIN:-}" "$INSTALLED"; do
  [[ -n "$b" && -x "$b/psql" ]] && { PSQL="$b/psql"; break; }
done
TMP=$(mktemp -d) # 0700, owned by root
CLONE="$TMP/clone"
SERVERS="$CLONE/deploy/local/servers.sh"
cleanup() {
  DEVSHARE_PROFILE=test "$SERVERS" stop >/dev/null 2>&1 || true
  local outside
  outside=$(readlink "$CLONE/.local/test/postgres" 2>/dev/null || true)
  [[ -n "$outside" && "$outside" != "$CLONE"* ]] && rm -rf "$outside"
  rm -rf "$CLONE"
}
trap 'cleanup; rm -rf "$TMP"' EXIT

# check SOURCE: SOURCE is "installed" (DEVSHARE_PG_BIN as set, else Debian's) or "download"
check() {
  local source=$1 out answer status pg_bin=()
  cleanup
  mkdir -p "$CLONE/deploy/local/dist" "$CLONE/deploy/keycloak" "$CLONE/.local/dist"
  cp "$REPO/deploy/local/servers.sh" "$CLONE/deploy/local/"
  cp "$REPO/deploy/local/dist/pom.xml" "$CLONE/deploy/local/dist/"
  cp "$REPO/deploy/keycloak/devshare-realm.json" "$CLONE/deploy/keycloak/"
  # the downloads, should a servers.sh that cannot start PostgreSQL alone start everything; the PostgreSQL download
  # as a copy inside the clone, out of the postgres user's reach
  local f
  for f in "$REPO/.local/dist"/* "$REPO/.local/dist"/.fetched; do
    [[ -e "$f" ]] || continue
    case $(basename "$f") in
      postgresql-*) [[ $source == download ]] && cp -a "$f" "$CLONE/.local/dist/" ;;
      *) ln -s "$(readlink -f "$f")" "$CLONE/.local/dist/$(basename "$f")" ;;
    esac
  done
  [[ $source == download ]] && pg_bin=(DEVSHARE_PG_BIN=download)

  runuser -u postgres -- test -x "$CLONE" 2>/dev/null &&
    fail "the postgres OS user can enter $CLONE: the test would prove nothing"

  out=$(env "${pg_bin[@]}" DEVSHARE_PROFILE=test "$SERVERS" start postgres 2>&1) ||
    fail "($source) servers.sh start postgres failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')$(tail -n 5 "$CLONE/.local/test/logs/postgres.log" 2>/dev/null | tr '\n' ' ')"
  # shellcheck disable=SC1091
  source "$CLONE/.local/test/servers.env"
  if [[ $source == download ]]; then
    local exe
    exe=$(readlink "/proc/$(cat "$CLONE/.local/test/run/postgres.pid")/exe")
    [[ $exe == */postgresql-$PG_DIST_VERSION/bin/postgres && $exe != "$CLONE"* ]] ||
      fail "(download) the cluster does not run the downloaded binaries from outside the clone: $exe"
  fi
  if [[ -n "$PSQL" ]]; then
    answer=$(PGPASSWORD=partner "$PSQL" -X -tA -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U partner \
      -d partner -c "SELECT current_user || '@' || current_database()" 2>&1) ||
      fail "($source) the cluster does not answer the partner role on port $DEVSHARE_PG_PORT: $answer"
    [[ $answer == partner@partner ]] || fail "($source) unexpected answer from the cluster: $answer"
  fi
  status=$(DEVSHARE_PROFILE=test "$SERVERS" status)
  grep -q 'postgres *running (pid' <<<"$status" || fail "($source) status does not see the cluster running: $status"
  DEVSHARE_PROFILE=test "$SERVERS" stop >/dev/null
  (exec 3<>"/dev/tcp/127.0.0.1/$DEVSHARE_PG_PORT") 2>/dev/null && fail "($source) stop left the cluster running"
  DONE+=("$source: cluster in $(readlink "$CLONE/.local/test/postgres")")
}

DONE=()
if [[ -n "${DEVSHARE_PG_BIN:-}" && "${DEVSHARE_PG_BIN}" != download || -n "$INSTALLED" ]]; then check installed; fi
# the download lands in the repository's .local/dist first (once), so later runs copy it instead of downloading
out=$(DEVSHARE_PG_BIN=download "$REPO/deploy/local/servers.sh" fetch 2>&1) ||
  fail "(download) servers.sh fetch failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')"
check download
[[ -n "$PSQL" ]] || DONE+=("no psql: logins not checked")
echo "PASSED: $NAME ($(IFS=';'; sed 's/;/; /g' <<<"${DONE[*]}"))"
