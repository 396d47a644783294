#!/usr/bin/env bash
# Devshare local servers without containers: PostgreSQL, Kafka (KRaft), Keycloak, GreenMail.
# PostgreSQL: DEVSHARE_PG_BIN (a bin directory), else Debian's /usr/lib/postgresql/*/bin, else a build downloaded from
# Maven Central (DEVSHARE_PG_BIN=download forces that).
#
#   deploy/local/servers.sh fetch|start [server…]|status|stop|env
#
# DEVSHARE_PROFILE=dev (default, fixed ports) or test (free ports picked at start, fresh state); faults is a
# second throwaway profile like test, for benchmarks/faults.sh (which kills its servers), with durable commits.
# Everything lives under <repo>/.local/: dist/ (downloads) and <profile>/ (data, logs, pids).
# See deploy/local/README.md. All credentials below are for local use only.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
LOCAL="$REPO/.local"
DIST="$LOCAL/dist"
DIST_POM_REL="deploy/local/dist/pom.xml"
REALM_FILE="$REPO/deploy/keycloak/devshare-realm.json"
PROFILE="${DEVSHARE_PROFILE:-dev}"
STATE="$LOCAL/$PROFILE"
RUN="$STATE/run"
LOGS="$STATE/logs"
SERVERS=(postgres kafka keycloak greenmail)
TOPICS=(partner-events sharing-events device-events project-events device-positions notification-dlq sharing-dlq device-dlq project-dlq)
TOPIC_PARTITIONS=3
# One database + one login role per service; password = name (LOCAL USE ONLY, never reuse elsewhere).
SERVICE_DBS=(partner sharing device project notification)
START_TIMEOUT="${DEVSHARE_START_TIMEOUT:-180}"   # seconds per server

log() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

case "$PROFILE" in dev | test | faults) ;; *) die "DEVSHARE_PROFILE must be 'dev', 'test' or 'faults' (got '$PROFILE')" ;; esac
# test and faults: free ports, fresh state at every start
throwaway() { [[ "$PROFILE" != dev ]]; }

# ---------------------------------------------------------------------------------------------
# versions (single source of truth: the dist pom)
pom_prop() { sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$REPO/$DIST_POM_REL" | head -n1; }
KAFKA_VERSION=$(pom_prop kafka.version)
KEYCLOAK_VERSION=$(pom_prop keycloak.version)
GREENMAIL_VERSION=$(pom_prop greenmail.version)
KAFKA_LIB="$DIST/kafka-lib"
KEYCLOAK_TGZ="$DIST/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
GREENMAIL_JAR="$DIST/greenmail-standalone-$GREENMAIL_VERSION.jar"
FETCH_STAMP="$DIST/.fetched"
# PostgreSQL when no server binaries are installed (or DEVSHARE_PG_BIN=download): the relocatable build that Maven
# Central serves as io.zonky.test.postgres:embedded-postgres-binaries-linux-<arch> (a jar holding a .txz of bin/,
# lib/, share/; bin/ has postgres, initdb and pg_ctl only). Major 15 like Debian 12's postgresql package. The sha256
# of each jar is pinned here (it equals the .sha256 Maven Central serves beside it).
PG_DIST_VERSION=15.19.0
declare -A PG_DIST_SHA256=(
  [amd64]=95f0b66fe72d4ca66c815773c44cb1196ea38552463e89a35f18114b3ed1565f
  [arm64v8]=95baf4bd4af31b91b3050118df59388ed0064756b556b850669e0300aa7b9911
)
PG_DIST_DIR="$DIST/postgresql-$PG_DIST_VERSION"
# Without xz and python3, the .txz is decompressed by Java with org.tukaani:xz from Maven Central (sha256 pinned too).
XZ_JAVA_VERSION=1.10
XZ_JAVA_SHA256=95c63c1a55b22dd6453890a419cc1a640f790bbf7d8ae82db1e30aefefb08888

# ---------------------------------------------------------------------------------------------
# prerequisites (each failure is exactly one line on stderr)
JAVA=""
find_java() {
  local candidate="java"
  [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && candidate="$JAVA_HOME/bin/java"
  command -v "$candidate" >/dev/null 2>&1 ||
    die "Java 17+ is required but 'java' was not found: install it (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  local v major
  v=$("$candidate" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  major=${v%%.*}
  [[ "$major" == 1 ]] && major=$(cut -d. -f2 <<<"$v")
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]] ||
    die "Java 17+ is required but '$candidate' is version '${v:-unknown}': install a newer JDK (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  JAVA=$(command -v "$candidate")
}

PGBIN=""
PG_DOWNLOADED=0
DEBIAN_PG_BIN_GLOB='/usr/lib/postgresql/*/bin'
debian_pg_bin() { ls -d $DEBIAN_PG_BIN_GLOB 2>/dev/null | sort -V | tail -n1 || true; }

# Sets PGBIN: DEVSHARE_PG_BIN (a bin directory, or 'download' to force the download), else Debian's newest
# /usr/lib/postgresql/*/bin when it holds the server (postgresql-client alone installs psql there, not postgres),
# else the download (pg_fetch_dist).
pg_find_bin() {
  case "${DEVSHARE_PG_BIN:-}" in
    download) pg_fetch_dist ;;
    "")
      PGBIN=$(debian_pg_bin)
      [[ -n "$PGBIN" && -x "$PGBIN/postgres" && -x "$PGBIN/initdb" && -x "$PGBIN/pg_ctl" ]] || pg_fetch_dist
      ;;
    *) PGBIN="$DEVSHARE_PG_BIN" ;;
  esac
  local b
  for b in postgres initdb pg_ctl; do
    [[ -x "$PGBIN/$b" ]] ||
      die "PostgreSQL server binaries not found ($PGBIN/$b): fix DEVSHARE_PG_BIN, or unset it (installed binaries, else a download)"
  done
}

find_postgres() {
  pg_find_bin
  # PostgreSQL refuses to run as root: as root it runs as the postgres OS user (as_pg), created here when missing
  # (what apt-get install postgresql would do) so that a machine with only a JDK needs no step by hand.
  if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    command -v useradd >/dev/null 2>&1 ||
      die "running as root requires a 'postgres' OS user to run PostgreSQL (it refuses root), and useradd is missing to create it: create that user or run as a normal user"
    log "postgres: creating the 'postgres' OS user (PostgreSQL refuses to run as root)"
    useradd --system --user-group --home-dir /var/lib/postgresql --create-home --shell /bin/bash \
      --comment "PostgreSQL administrator" postgres ||
      die "could not create the 'postgres' OS user: create it, or run as a normal user"
  fi
}

# pg_unxz_java IN.txz OUT.tar: xz decompression by Java (the JDK's source launcher) with org.tukaani:xz.
pg_unxz_java() {
  local jar="$DIST/xz-$XZ_JAVA_VERSION.jar" src
  [[ -n "$JAVA" ]] || return 1
  if [[ ! -f "$jar" ]]; then
    curl -fsSL --retry 3 -o "$jar.tmp" \
      "https://repo1.maven.org/maven2/org/tukaani/xz/$XZ_JAVA_VERSION/xz-$XZ_JAVA_VERSION.jar" || return 1
    [[ "$(sha256sum "$jar.tmp" | cut -d' ' -f1)" == "$XZ_JAVA_SHA256" ]] ||
      { rm -f "$jar.tmp"; warn "postgres: checksum mismatch of xz-$XZ_JAVA_VERSION.jar"; return 1; }
    mv "$jar.tmp" "$jar"
  fi
  src="$(dirname "$2")/UnXz.java"
  cat >"$src" <<'EOF'
import java.io.*;
import java.nio.file.*;
public class UnXz {
    public static void main(String[] a) throws IOException {
        try (InputStream in = new org.tukaani.xz.XZInputStream(new BufferedInputStream(Files.newInputStream(Path.of(a[0]))))) {
            Files.copy(in, Path.of(a[1]), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
EOF
  "$JAVA" -Xmx256m -cp "$jar" "$src" "$1" "$2"
}

# Downloads and unpacks the PostgreSQL build of Maven Central into $PG_DIST_DIR (once; checksum pinned above) and
# sets PGBIN to its bin/. Needs curl, sha256sum, something that unzips (unzip, the JDK's jar, or python3) and xz
# (else python3).
pg_fetch_dist() {
  PGBIN="$PG_DIST_DIR/bin" PG_DOWNLOADED=1
  local arch sha url tmp t0 got txz
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64v8 ;;
    *) die "no PostgreSQL download for this machine ($(uname -m)): install PostgreSQL's server binaries (e.g. apt-get install postgresql) or set DEVSHARE_PG_BIN" ;;
  esac
  sha=${PG_DIST_SHA256[$arch]}
  [[ "$(cat "$PG_DIST_DIR/.devshare-sha256" 2>/dev/null)" == "$sha" ]] && return 0
  need_cmd curl curl
  url="https://repo1.maven.org/maven2/io/zonky/test/postgres/embedded-postgres-binaries-linux-$arch/$PG_DIST_VERSION/embedded-postgres-binaries-linux-$arch-$PG_DIST_VERSION.jar"
  t0=$(now)
  log "postgres: no server binaries installed (or DEVSHARE_PG_BIN=download): downloading PostgreSQL $PG_DIST_VERSION ($arch) from Maven Central into $PG_DIST_DIR ..."
  mkdir -p "$DIST"
  tmp=$(mktemp -d "$DIST/.postgresql-XXXXXX")
  curl -fsSL --retry 3 -o "$tmp/pg.jar" "$url" || { rm -rf "$tmp"; die "postgres: could not download $url"; }
  got=$(sha256sum "$tmp/pg.jar" | cut -d' ' -f1)
  [[ "$got" == "$sha" ]] || { rm -rf "$tmp"; die "postgres: checksum mismatch of $url: sha256 $got, expected $sha"; }
  # the jar is a zip with one .txz
  local jar_tool=""
  [[ -n "$JAVA" ]] && jar_tool="$(dirname "$(readlink -f "$JAVA")")/jar"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$tmp/pg.jar" '*.txz' -d "$tmp"
  elif [[ -x "$jar_tool" ]]; then
    (cd "$tmp" && "$jar_tool" xf pg.jar)
  elif command -v python3 >/dev/null 2>&1; then
    python3 -m zipfile -e "$tmp/pg.jar" "$tmp"
  else
    rm -rf "$tmp"; die "postgres: cannot unpack $tmp/pg.jar: install unzip (apt-get install unzip) or use a JDK (its jar tool)"
  fi || { rm -rf "$tmp"; die "postgres: could not unpack $tmp/pg.jar"; }
  txz=$(ls "$tmp"/*.txz 2>/dev/null | head -n1)
  [[ -n "$txz" ]] || { rm -rf "$tmp"; die "postgres: no .txz inside $url"; }
  mkdir "$tmp/pg"
  if command -v xz >/dev/null 2>&1; then
    tar -xJf "$txz" -C "$tmp/pg"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$txz" "$tmp/pg"
  else
    pg_unxz_java "$txz" "$tmp/pg.tar" && tar -xf "$tmp/pg.tar" -C "$tmp/pg"
  fi || { rm -rf "$tmp"; die "postgres: could not unpack $txz (xz-utils would: apt-get install xz-utils)"; }
  # readable by the user that runs PostgreSQL (as root: the postgres OS user)
  chmod -R a+rX "$tmp/pg"
  echo "$sha" >"$tmp/pg/.devshare-sha256"
  # (another start may have unpacked it meanwhile: then that copy is used, and may be in use)
  if [[ "$(cat "$PG_DIST_DIR/.devshare-sha256" 2>/dev/null)" != "$sha" ]]; then
    rm -rf "$PG_DIST_DIR"
    mv -T "$tmp/pg" "$PG_DIST_DIR" 2>/dev/null || [[ "$(cat "$PG_DIST_DIR/.devshare-sha256" 2>/dev/null)" == "$sha" ]] ||
      { rm -rf "$tmp"; die "postgres: could not move the unpacked PostgreSQL to $PG_DIST_DIR"; }
  fi
  rm -rf "$tmp"
  log "postgres: PostgreSQL $PG_DIST_VERSION unpacked in $(elapsed "$t0")s ($(du -sh "$PG_DIST_DIR" | cut -f1))"
}

need_cmd() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required: install it (apt-get install $2)"; }

# Run a PostgreSQL binary as the postgres OS user when we are root (initdb/postgres refuse root).
as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---------------------------------------------------------------------------------------------
# fetch
dist_complete() {
  [[ -f "$FETCH_STAMP" && "$(cat "$FETCH_STAMP")" == "$(pom_hash)" ]] &&
    [[ -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" && -f "$KEYCLOAK_TGZ" && -f "$GREENMAIL_JAR" ]]
}
pom_hash() { sha256sum "$REPO/$DIST_POM_REL" | cut -d' ' -f1; }

cmd_fetch() {
  if dist_complete; then
    log "dist: already present in $DIST (Kafka $KAFKA_VERSION, Keycloak $KEYCLOAK_VERSION, GreenMail $GREENMAIL_VERSION)"
    return 0
  fi
  find_java
  mkdir -p "$DIST"
  # versions changed (or an interrupted copy): start kafka-lib afresh so no stale jars are mixed in
  if [[ -f "$FETCH_STAMP" && "$(cat "$FETCH_STAMP")" != "$(pom_hash)" ]] || [[ ! -f "$FETCH_STAMP" ]]; then
    rm -rf "$KAFKA_LIB"
  fi
  local t0
  t0=$(now)
  log "dist: downloading server distributions via Maven into $DIST ..."
  (cd "$REPO" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" \
    ./mvnw -q -B -f "$DIST_POM_REL" validate </dev/null) ||
    die "Maven could not download the distributions (see output above)"
  [[ -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" && -f "$KEYCLOAK_TGZ" && -f "$GREENMAIL_JAR" ]] ||
    die "download finished but expected files are missing in $DIST"
  pom_hash >"$FETCH_STAMP"
  log "dist: done in $(elapsed "$t0")s ($(du -sh "$DIST" | cut -f1) in $DIST)"
}

# ---------------------------------------------------------------------------------------------
# ports
PG_PORT="" KAFKA_PORT="" KAFKA_CONTROLLER_PORT="" KC_PORT="" KC_MGMT_PORT="" SMTP_PORT="" IMAP_PORT="" MAIL_API_PORT=""
PORT_VARS=(PG_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT KC_PORT KC_MGMT_PORT SMTP_PORT IMAP_PORT MAIL_API_PORT)

dev_ports() {
  PG_PORT=5433 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 KC_PORT=8180 KC_MGMT_PORT=9180
  SMTP_PORT=3025 IMAP_PORT=3143 MAIL_API_PORT=8025
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Picks N distinct free ports below the kernel's ephemeral range (so an outgoing connection
# cannot grab one between now and the server's bind): random candidates, each verified by binding.
free_ports() {
  local n=$1
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import socket' >/dev/null 2>&1; then
    python3 - "$n" <<'PY'
import random, socket, sys
n = int(sys.argv[1]); held = []; ports = []
for p in random.sample(range(15000, 32000), 400):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        s.close(); continue
    held.append(s); ports.append(p)
    if len(ports) == n: break
for s in held: s.close()
print(" ".join(map(str, ports)))
PY
  else
    local out=() p
    while ((${#out[@]} < n)); do
      p=$((15000 + RANDOM % 17000))
      [[ " ${out[*]} " == *" $p "* ]] && continue
      port_open "$p" || out+=("$p")
    done
    echo "${out[*]}"
  fi
}

load_ports() { # from $RUN/ports.env
  [[ -f "$RUN/ports.env" ]] || return 1
  # shellcheck disable=SC1091
  source "$RUN/ports.env"
}

save_ports() {
  local v
  for v in "${PORT_VARS[@]}"; do printf '%s=%s\n' "$v" "${!v}"; done >"$RUN/ports.env"
}

port_of() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    keycloak) echo "$KC_PORT" ;;
    greenmail) echo "$SMTP_PORT" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# processes
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# PID from run/<server>.pid if that process is alive and really ours (its command line mentions
# this state dir, or for PostgreSQL its data directory; guards against PID reuse after a reboot).
server_pid() {
  local f="$RUN/$1.pid" pid marker="$STATE"
  [[ -f "$f" ]] || return 1
  pid=$(tr -dc '0-9' <"$f")
  pid_alive "$pid" || return 1
  [[ $1 == postgres ]] && marker="$PGDIR/data"
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  fi
  echo "$pid"
}

any_running() {
  local s
  for s in "${SERVERS[@]}"; do server_pid "$s" >/dev/null && return 0; done
  return 1
}

# launch NAME DIR CMD... : runs CMD detached (own session, no stdin) with output appended to
# logs/NAME.log; the PID of CMD itself is written to run/NAME.pid.
launch() {
  local name=$1 dir=$2
  shift 2
  local pidf="$RUN/$name.pid"
  rm -f "$pidf"
  printf '=== %s: starting %s (profile %s)\n' "$(date -Is)" "$name" "$PROFILE" >>"$LOGS/$name.log"
  # (fd 9 is the start/stop lock: the server must not inherit it)
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@") \
    >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  local i
  for i in $(seq 1 50); do [[ -s "$pidf" ]] && return 0; sleep 0.1; done
  die "$name: could not launch (see $LOGS/$name.log)"
}

# stop_server NAME SIGNAL TIMEOUT
stop_server() {
  local name=$1 sig=$2 timeout=$3 pid t0
  if ! pid=$(server_pid "$name"); then
    rm -f "$RUN/$name.pid" "$RUN/$name.launcher.pid"
    log "$name: not running"
    return 0
  fi
  t0=$(now)
  kill "-$sig" "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || break
    sleep 0.1
  done
  if pid_alive "$pid"; then
    warn "$name: still running after ${timeout}s, sending KILL to pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  # Keycloak: kc.sh (the launcher) exits by itself once java is gone; make sure of it
  if [[ -f "$RUN/$name.launcher.pid" ]]; then
    local lp
    lp=$(tr -dc '0-9' <"$RUN/$name.launcher.pid")
    if [[ -n "$lp" && "$lp" != "$pid" ]] && pid_alive "$lp" &&
      tr '\0' ' ' <"/proc/$lp/cmdline" 2>/dev/null | grep -qF -- "$STATE"; then
      kill -TERM "$lp" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.launcher.pid"
  log "$name: stopped (pid $pid, $(elapsed "$t0")s)"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# PostgreSQL's directory: data/, sock/ and (when it lives outside $STATE) its log. Run as root, PostgreSQL runs as the
# postgres OS user, which must reach that directory; a clone where it cannot (e.g. /root, mode 0700) keeps the cluster
# under that user's home (else /var/tmp) in devshare/<hash of $STATE>, and $STATE/postgres and logs/postgres.log are
# symlinks to it. Set by pg_locate.
PGDIR="$STATE/postgres"
PG_LOG="$LOGS/postgres.log"
PG_OUTSIDE=0

# Can the postgres OS user enter $1 (every directory on the way)?
pg_user_enters() { runuser -u postgres -- test -x "$1" 2>/dev/null; }

# Where the postgres OS user keeps what it cannot reach in the clone: its home, else /var/tmp; then devshare/.
pg_outside_base() {
  local base
  base=$(getent passwd postgres | cut -d: -f6)
  if [[ -z "$base" || ! -d "$base" ]] || ! runuser -u postgres -- test -w "$base" 2>/dev/null; then base=/var/tmp; fi
  echo "$base/devshare"
}

pg_locate() {
  PGDIR="$STATE/postgres" PG_LOG="$LOGS/postgres.log" PG_OUTSIDE=0
  [[ $EUID -eq 0 ]] && id -u postgres >/dev/null 2>&1 || return 0
  mkdir -p "$LOCAL"
  pg_user_enters "$LOCAL" && return 0
  PGDIR="$(pg_outside_base)/$(printf '%s' "$STATE" | sha256sum | cut -c1-12)-$PROFILE"
  PG_LOG="$PGDIR/postgres.log"
  PG_OUTSIDE=1
}

# Points $STATE/postgres and logs/postgres.log at a cluster outside $STATE (see pg_locate).
pg_link_outside() {
  local link="$STATE/postgres"
  if [[ -d "$link" && ! -L "$link" ]]; then
    # left by a start that could not work (the postgres user could not enter it): it holds no cluster
    [[ -f "$link/data/PG_VERSION" ]] &&
      die "postgres: $link holds a cluster the postgres OS user cannot reach: move the clone where it can, or move that cluster to $PGDIR"
    rm -rf "$link"
  fi
  ln -sfn "$PGDIR" "$link"
  ln -sfn "$PG_LOG" "$LOGS/postgres.log"
}

# As root, the downloaded binaries run as the postgres OS user too, who must reach them: when it cannot enter $DIST
# (a clone in /root), they are copied beside the clusters outside the clone (pg_outside_base) and used from there.
pg_bin_reach() {
  ((PG_DOWNLOADED)) && [[ $EUID -eq 0 ]] || return 0
  runuser -u postgres -- test -x "$PGBIN/postgres" 2>/dev/null && return 0
  local dest tmp
  dest="$(pg_outside_base)/postgresql-$PG_DIST_VERSION"
  if [[ "$(cat "$dest/.devshare-sha256" 2>/dev/null)" != "$(cat "$PG_DIST_DIR/.devshare-sha256")" ]]; then
    mkdir -p "$(dirname "$dest")"
    chmod 755 "$(dirname "$dest")"
    tmp=$(mktemp -d "$dest.XXXXXX")
    cp -a "$PG_DIST_DIR/." "$tmp/" && chmod 755 "$tmp" || { rm -rf "$tmp"; die "postgres: could not copy $PG_DIST_DIR to $dest"; }
    rm -rf "$dest"
    mv -T "$tmp" "$dest" 2>/dev/null || rm -rf "$tmp"
  fi
  PGBIN="$dest/bin"
  runuser -u postgres -- test -x "$PGBIN/postgres" 2>/dev/null ||
    die "postgres: the postgres OS user cannot run $PGBIN/postgres (copied there because it cannot enter $PG_DIST_DIR)"
  log "postgres: binaries copied to $PGBIN (the postgres OS user cannot enter $PG_DIST_DIR)"
}

pg_ready() {
  [[ -n "$PGBIN" ]] || PGBIN=$(debian_pg_bin)
  if [[ -n "$PGBIN" && -x "$PGBIN/pg_isready" ]]; then
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1
  else
    # no pg_isready (the download has none): the postmaster marks itself ready in line 8 of postmaster.pid
    [[ "$(sed -n 8p "$PGDIR/data/postmaster.pid" 2>/dev/null | tr -d ' ')" == ready ]] && port_open "$PG_PORT"
  fi
}

postgres_prepare_and_launch() {
  local dir data sock
  dir=$PGDIR
  data="$dir/data"
  sock="$dir/sock"
  if ((PG_OUTSIDE)); then
    mkdir -p "$(dirname "$dir")"
    chmod 755 "$(dirname "$dir")"
  fi
  mkdir -p "$dir" "$sock"
  ((PG_OUTSIDE)) && pg_link_outside
  : >>"$PG_LOG"
  if [[ $EUID -eq 0 ]]; then chown -R postgres: "$dir" "$PG_LOG"; fi
  chmod 700 "$dir"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    rm -rf "$data"
    log "postgres: initdb $data" >>"$LOGS/postgres.log"
    (cd "$dir" && as_pg "$PGBIN/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 --no-instructions -N \
      --auth-local=peer --auth-host=scram-sha-256) >>"$LOGS/postgres.log" 2>&1 ||
      die "postgres: initdb failed (see $LOGS/postgres.log)"
  fi
  # without psql (the download has none) roles and databases are made now, in single-user mode, before the server runs
  [[ -x "$PGBIN/psql" ]] || pg_setup_single
  local opts="-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sock -c max_connections=200"
  # test: speed over durability. Not faults, whose PostgreSQL is killed: asynchronous commits would lose work then.
  [[ "$PROFILE" == test ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  rm -f "$RUN/postgres.pid"
  (cd "$dir" && as_pg "$PGBIN/pg_ctl" -D "$data" -l "$PG_LOG" -o "$opts" start) \
    </dev/null >>"$LOGS/postgres.log" 2>&1 9>&- || die "postgres: pg_ctl start failed (see $LOGS/postgres.log)"
  # the postmaster PID (first line of postmaster.pid)
  local i
  for i in $(seq 1 100); do
    if [[ -s "$data/postmaster.pid" ]]; then
      head -n1 "$data/postmaster.pid" >"$RUN/postgres.pid"
      return 0
    fi
    sleep 0.1
  done
  die "postgres: did not start (see $LOGS/postgres.log)"
}

# The statements that make the roles and databases the services use (idempotent); one per line of PG_SQL. $1: psql
# (CREATE DATABASE through \gexec when missing) or the names of the databases that exist (single-user mode: no
# \gexec, so CREATE DATABASE only for those missing).
PG_SQL=()
pg_setup_statements() {
  local mode=$1 db
  PG_SQL=("DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'devshare') THEN
    CREATE ROLE devshare LOGIN SUPERUSER;
  END IF;
END \$\$;" "ALTER ROLE devshare WITH LOGIN SUPERUSER PASSWORD 'devshare';")
  for db in "${SERVICE_DBS[@]}"; do
    PG_SQL+=("DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') THEN CREATE ROLE \"$db\" LOGIN; END IF;
END \$\$;" "ALTER ROLE \"$db\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$db';")
    if [[ $mode == psql ]]; then
      PG_SQL+=("SELECT 'CREATE DATABASE \"$db\" OWNER \"$db\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec")
    elif [[ " $mode " != *" $db "* ]]; then
      PG_SQL+=("CREATE DATABASE \"$db\" OWNER \"$db\";")
    fi
    PG_SQL+=("ALTER DATABASE \"$db\" OWNER TO \"$db\";" "REVOKE CONNECT ON DATABASE \"$db\" FROM PUBLIC;"
      "GRANT CONNECT ON DATABASE \"$db\" TO \"$db\";")
  done
}

# Through psql, once the server answers. Without psql that was done before the launch (pg_setup_single).
pg_setup_roles() {
  [[ -x "$PGBIN/psql" ]] || return 0
  pg_setup_statements psql
  as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR/sock" -p "$PG_PORT" -d postgres \
    >>"$LOGS/postgres.log" 2>&1 < <(printf '%s\n' "${PG_SQL[@]}") ||
    die "postgres: creating roles/databases failed (see $LOGS/postgres.log)"
}

# The same statements in single-user mode (postgres --single; the server must not run): a first run lists the
# databases, a second makes what is missing. Single-user mode goes on after an error and exits 0, hence the grep.
pg_setup_single() {
  local data="$PGDIR/data" out existing opts=(--single -j -D "$PGDIR/data")
  [[ "$PROFILE" == test ]] && opts+=(-c fsync=off)
  out=$(cd "$PGDIR" && as_pg "$PGBIN/postgres" "${opts[@]}" postgres <<<"SELECT datname FROM pg_database;" \
    2>>"$LOGS/postgres.log") || die "postgres: single-user mode failed (see $LOGS/postgres.log)"
  existing=$(sed -n 's/^[[:space:]]*1: datname = "\([^"]*\)".*/\1/p' <<<"$out" | tr '\n' ' ')
  [[ " $existing " == *" postgres "* ]] || die "postgres: could not list the databases in single-user mode (see $LOGS/postgres.log)"
  pg_setup_statements "$existing"
  # -j: a statement ends with a semicolon and an empty line
  out=$(cd "$PGDIR" && as_pg "$PGBIN/postgres" "${opts[@]}" postgres < <(printf '%s\n\n' "${PG_SQL[@]}") 2>&1)
  printf '%s\n' "$out" >>"$LOGS/postgres.log"
  ! grep -qE '(ERROR|FATAL|PANIC): ' <<<"$out" || die "postgres: creating roles/databases failed (see $LOGS/postgres.log)"
}

# ---------------------------------------------------------------------------------------------
# Kafka (KRaft: broker + controller in one JVM)
kafka_heap() { throwaway && echo "-Xmx384m" || echo "-Xmx512m"; }

# log4j2 configuration of the command-line tools (storage format, topic creation): WARN, stderr
kafka_tools_log_config() {
  mkdir -p "$STATE/kafka"
  cat >"$STATE/kafka/log4j2-tools.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
EOF
}

kafka_prepare_and_launch() {
  local dir="$STATE/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# generated by deploy/local/servers.sh ($PROFILE profile) - edits are overwritten on start
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=$TOPIC_PARTITIONS
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
# A killed relay's open transaction is aborted soon after its transaction.timeout.ms (10 s), not up to 10 s later.
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
  cat >"$dir/log4j2.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = WARN
logger.log.name = kafka.log
logger.log.level = WARN
logger.storage.name = org.apache.kafka.storage
logger.storage.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
  kafka_tools_log_config
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    # cluster id: 16 random bytes, URL-safe base64 without padding (what StorageTool random-uuid prints)
    local cid
    cid=$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$KAFKA_LIB/*" \
      -Dlog4j2.configurationFile="$dir/log4j2-tools.properties" \
      kafka.tools.StorageTool format --standalone -t "$cid" -c "$dir/server.properties" \
      >>"$LOGS/kafka.log" 2>&1 </dev/null || die "kafka: storage format failed (see $LOGS/kafka.log)"
  fi
  # shellcheck disable=SC2046
  launch kafka "$dir" "$JAVA" $(kafka_heap) -Xms64m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Ddevshare.state="$STATE" \
    -Dlog4j2.configurationFile="$dir/log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$dir/server.properties"
}

kafka_ready() { port_open "$KAFKA_PORT" && grep -q "Kafka Server started" "$LOGS/kafka.log" 2>/dev/null; }

# One JVM: waits until a metadata request (listTopics) works, creates missing topics, lists them.
kafka_init_topics() {
  local dir="$STATE/kafka" src="$STATE/kafka/KafkaTopics.java"
  kafka_tools_log_config
  cat >"$src" <<'EOF'
import java.util.*;
import java.util.concurrent.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaTopics {
    public static void main(String[] a) throws Exception {
        String bootstrap = a[0];
        int partitions = Integer.parseInt(a[1]);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (existing == null) {
                try {
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (System.currentTimeMillis() > deadline) throw e;
                    Thread.sleep(500);
                }
            }
            List<NewTopic> create = new ArrayList<>();
            for (int i = 2; i < a.length; i++)
                if (!existing.contains(a[i])) {
                    NewTopic t = new NewTopic(a[i], partitions, (short) 1);
                    // Latest-value topics: only the newest record per key matters.
                    if (a[i].endsWith("-positions")) t.configs(Map.of("cleanup.policy", "compact"));
                    create.add(t);
                }
            if (!create.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<Void>> e : admin.createTopics(create).values().entrySet()) {
                    try { e.getValue().get(30, TimeUnit.SECONDS); }
                    catch (ExecutionException ex) { if (!(ex.getCause() instanceof TopicExistsException)) throw ex; }
                }
            }
            TreeSet<String> names = new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
            System.out.println("topics: " + String.join(" ", names) + " (created " + create.size() + ")");
        }
    }
}
EOF
  local jopts=(-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    -Dlog4j2.configurationFile="$dir/log4j2-tools.properties")
  local javac
  javac="$(dirname "$JAVA")/javac"
  if [[ -x "$javac" ]]; then
    # compiled once into .local/dist/tools/<hash of the source>/ (saves ~1.5 s per start)
    local cls
    cls="$DIST/tools/kafka-topics-$(sha256sum "$src" | cut -c1-12)"
    if [[ ! -f "$cls/KafkaTopics.class" ]]; then
      rm -rf "$cls.tmp"
      mkdir -p "$cls.tmp"
      "$javac" -nowarn -d "$cls.tmp" -cp "$KAFKA_LIB/*" "$src" 2>>"$LOGS/kafka-admin.log" && mv "$cls.tmp" "$cls" ||
        { rm -rf "$cls.tmp"; return 1; }
    fi
    "$JAVA" "${jopts[@]}" -cp "$cls:$KAFKA_LIB/*" KafkaTopics \
      "127.0.0.1:$KAFKA_PORT" "$TOPIC_PARTITIONS" "${TOPICS[@]}" 2>>"$LOGS/kafka-admin.log" </dev/null
  else
    # no JDK compiler (JRE only): kafka-tools' TopicCommand, one JVM per call
    local t
    for t in "${TOPICS[@]}"; do
      "$JAVA" "${jopts[@]}" -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand \
        --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists --topic "$t" \
        --partitions "$TOPIC_PARTITIONS" --replication-factor 1 >>"$LOGS/kafka-admin.log" 2>&1 </dev/null || return 1
    done
    echo "topics: $("$JAVA" "${jopts[@]}" -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>>"$LOGS/kafka-admin.log" </dev/null | tr '\n' ' ')"
  fi
}

# ---------------------------------------------------------------------------------------------
# Keycloak (start-dev, H2 file database in $STATE/keycloak/data)
keycloak_prepare_and_launch() {
  local dir="$STATE/keycloak" marker="$STATE/keycloak/.devshare-dist"
  if [[ ! -f "$marker" || "$(cat "$marker")" != "$(basename "$KEYCLOAK_TGZ")" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xzf "$KEYCLOAK_TGZ" -C "$dir" --strip-components=1 ||
      die "keycloak: could not extract $KEYCLOAK_TGZ"
    basename "$KEYCLOAK_TGZ" >"$marker"
  fi
  mkdir -p "$dir/data/import" "$dir/data/tmp"
  cp "$REALM_FILE" "$dir/data/import/devshare-realm.json"
  rm -f "$RUN/keycloak.launcher.pid"
  # kc.sh runs java as a child (and re-execs it after a first-time re-augmentation);
  # the launcher PID goes to keycloak.launcher.pid, the java PID to keycloak.pid once known.
  launch keycloak "$dir" env \
    JAVA="$JAVA" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    JAVA_OPTS_APPEND="-Ddevshare.state=$STATE -Djava.io.tmpdir=$dir/data/tmp" \
    "$dir/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" --hostname="http://127.0.0.1:$KC_PORT" \
    --import-realm
  cp "$RUN/keycloak.pid" "$RUN/keycloak.launcher.pid"
}

keycloak_ready() {
  curl -fsS -o /dev/null --max-time 3 \
    "http://127.0.0.1:$KC_PORT/realms/devshare/.well-known/openid-configuration" 2>/dev/null
}

# Replace the kc.sh PID by the PID of the java process that serves Keycloak.
keycloak_record_java_pid() {
  local lp jp
  lp=$(tr -dc '0-9' <"$RUN/keycloak.pid")
  if [[ "$(cat "/proc/$lp/comm" 2>/dev/null)" == java ]]; then
    return 0 # kc.sh exec'd java (after re-augmentation) or a java PID was already recorded
  fi
  jp=$(pgrep -P "$lp" -x java | head -n1 || true)
  [[ -n "$jp" ]] && echo "$jp" >"$RUN/keycloak.pid"
  return 0
}

# ---------------------------------------------------------------------------------------------
# GreenMail (SMTP + IMAP + REST API). -Dgreenmail.<proto>.port defines the server itself: combined
# with -Dgreenmail.setup.test.<proto> GreenMail 2.1.8 fails ("Server 'smtp' was found at least twice").
greenmail_prepare_and_launch() {
  mkdir -p "$STATE/greenmail"
  launch greenmail "$STATE/greenmail" "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Ddevshare.state="$STATE" \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -jar "$GREENMAIL_JAR"
}

greenmail_ready() {
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
ready() {
  case $1 in
    postgres) pg_ready ;;
    kafka) kafka_ready ;;
    keycloak) keycloak_ready ;;
    greenmail) greenmail_ready ;;
  esac
}

# wait_ready NAME T0 : waits until NAME answers; fails early if its process died.
wait_ready() {
  local name=$1 t0=$2 deadline pid
  deadline=$(($(date +%s) + START_TIMEOUT))
  while ! ready "$name"; do
    pid=$(tr -dc '0-9' <"$RUN/$name.pid" 2>/dev/null || true)
    if ! pid_alive "$pid"; then
      warn "$name: process exited during start-up; last log lines ($LOGS/$name.log):"
      tail -n 25 "$LOGS/$name.log" >&2 || true
      return 1
    fi
    if (($(date +%s) > deadline)); then
      warn "$name: not ready after ${START_TIMEOUT}s (see $LOGS/$name.log)"
      return 1
    fi
    sleep 0.5
  done
  log "$name: ready after $(elapsed "$t0")s"
}

write_servers_env() {
  cat >"$STATE/servers.env.tmp" <<EOF
DEVSHARE_PG_HOST=127.0.0.1
DEVSHARE_PG_PORT=$PG_PORT
DEVSHARE_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
DEVSHARE_KEYCLOAK_URL=http://127.0.0.1:$KC_PORT
DEVSHARE_SMTP_HOST=127.0.0.1
DEVSHARE_SMTP_PORT=$SMTP_PORT
DEVSHARE_IMAP_PORT=$IMAP_PORT
DEVSHARE_MAIL_API_URL=http://127.0.0.1:$MAIL_API_PORT
EOF
  mv "$STATE/servers.env.tmp" "$STATE/servers.env"
}

# Serialise start/stop of one profile (e.g. two test runs starting at once).
take_lock() {
  mkdir -p "$LOCAL"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCAL/.$PROFILE.lock"
    flock -w 600 9 || die "another servers.sh is busy with profile '$PROFILE' (lock $LOCAL/.$PROFILE.lock)"
  fi
}

# The servers a start is about: all, or those named on the command line (e.g. `start postgres`).
WANT=("${SERVERS[@]}")
wants() { [[ " ${WANT[*]} " == *" $1 "* ]]; }
want_servers() {
  (($#)) || return 0
  WANT=()
  local a
  for a in "$@"; do
    [[ " ${SERVERS[*]} " == *" $a "* ]] || die "unknown server '$a' (one of: ${SERVERS[*]})"
    WANT+=("$a")
  done
}

cmd_start() {
  want_servers "$@"
  find_java
  if wants postgres; then find_postgres; fi
  need_cmd curl curl
  need_cmd setsid util-linux
  [[ -f "$REALM_FILE" ]] || die "realm file missing: $REALM_FILE"
  local t_all
  t_all=$(now)
  take_lock
  pg_locate
  if wants postgres; then pg_bin_reach; fi
  if wants kafka || wants keycloak || wants greenmail; then dist_complete || cmd_fetch; fi

  if throwaway; then
    if any_running; then
      load_ports || die "$PROFILE servers are running but $RUN/ports.env is missing: run 'DEVSHARE_PROFILE=$PROFILE $0 stop' first"
      log "$PROFILE: servers of $STATE already running, reusing them"
    else
      # fresh state; the extracted Keycloak distribution is kept (only its data/ is wiped) so a
      # test start does not pay the one-time extraction + Quarkus re-augmentation every time
      if [[ -d "$STATE" ]]; then
        find "$STATE" -mindepth 1 -maxdepth 1 ! -name keycloak -exec rm -rf {} +
        rm -rf "$STATE/keycloak/data"
      fi
      ((PG_OUTSIDE)) && rm -rf "$PGDIR"
      local p
      read -r -a p <<<"$(free_ports ${#PORT_VARS[@]})"
      ((${#p[@]} == ${#PORT_VARS[@]})) || die "could not find ${#PORT_VARS[@]} free ports"
      PG_PORT=${p[0]} KAFKA_PORT=${p[1]} KAFKA_CONTROLLER_PORT=${p[2]} KC_PORT=${p[3]}
      KC_MGMT_PORT=${p[4]} SMTP_PORT=${p[5]} IMAP_PORT=${p[6]} MAIL_API_PORT=${p[7]}
    fi
  else
    dev_ports
  fi
  mkdir -p "$STATE" "$RUN" "$LOGS"
  chmod 755 "$STATE" # the postgres OS user must be able to reach $STATE/postgres (pg_locate: when it cannot)
  save_ports

  # what must be started; check all its ports first so nothing is launched when one is taken
  local s pid jobs=() started=() t0 port
  for s in "${WANT[@]}"; do
    if pid=$(server_pid "$s"); then
      log "$s: already running (pid $pid), reusing it"
      continue
    fi
    rm -f "$RUN/$s.pid"
    for port in $(case $s in
      postgres) echo "$PG_PORT" ;;
      kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
      keycloak) echo "$KC_PORT" ;;
      greenmail) echo "$SMTP_PORT $IMAP_PORT $MAIL_API_PORT" ;;
    esac); do
      port_open "$port" && die "$s: port $port on 127.0.0.1 is already in use by another process (stop it, or use DEVSHARE_PROFILE=test)"
    done
    started+=("$s")
  done
  # launch them (preparation + launch of each server in parallel)
  t0=$(now)
  for s in ${started[@]+"${started[@]}"}; do
    "${s}_prepare_and_launch" &
    jobs+=($!)
  done
  [[ ${#started[@]} -eq 0 ]] || log "starting: ${started[*]} (profile $PROFILE, state $STATE)"
  local j failed=0
  for j in ${jobs[@]+"${jobs[@]}"}; do wait "$j" || failed=1; done
  ((failed == 0)) || die "start failed; run '$0 stop' to clean up (logs in $LOGS)"

  # wait for readiness (fast ones first; Keycloak takes longest)
  for s in greenmail postgres kafka keycloak; do
    wants "$s" || continue
    wait_ready "$s" "$t0" || die "$s did not become ready; run '$0 stop' to clean up"
  done
  if wants keycloak; then keycloak_record_java_pid; fi
  if wants postgres; then pg_setup_roles; fi
  local topics=""
  if wants kafka; then
    topics=$(kafka_init_topics) || die "kafka: metadata request / topic creation failed (see $LOGS/kafka-admin.log)"
  fi
  write_servers_env

  log ""
  log "Devshare servers ($PROFILE profile) ready in $(elapsed "$t_all")s:"
  if wants postgres; then
    log "  PostgreSQL  127.0.0.1:$PG_PORT  (pid $(cat "$RUN/postgres.pid")) dbs/roles: ${SERVICE_DBS[*]} (password = name), superuser devshare/devshare$( ((PG_OUTSIDE)) && echo "; cluster in $PGDIR (the postgres OS user cannot enter $LOCAL)")"
  fi
  if wants kafka; then
    log "  Kafka       127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT, pid $(cat "$RUN/kafka.pid")) $topics"
  fi
  if wants keycloak; then
    log "  Keycloak    http://127.0.0.1:$KC_PORT  (pid $(cat "$RUN/keycloak.pid")) realm devshare, admin console admin/admin"
  fi
  if wants greenmail; then
    log "  GreenMail   SMTP 127.0.0.1:$SMTP_PORT  IMAP 127.0.0.1:$IMAP_PORT  API http://127.0.0.1:$MAIL_API_PORT  (pid $(cat "$RUN/greenmail.pid"))"
  fi
  log "  env file    $STATE/servers.env"
}

cmd_status() {
  local s pid state any=1
  pg_locate
  if [[ -f "$RUN/ports.env" ]]; then load_ports; elif [[ "$PROFILE" == dev ]]; then dev_ports; fi
  log "profile $PROFILE ($STATE)"
  for s in "${SERVERS[@]}"; do
    if pid=$(server_pid "$s"); then
      any=0
      local ports
      case $s in
        postgres) ports="port $PG_PORT" ;;
        kafka) ports="port $KAFKA_PORT, controller $KAFKA_CONTROLLER_PORT" ;;
        keycloak) ports="port $KC_PORT" ;;
        greenmail) ports="smtp $SMTP_PORT, imap $IMAP_PORT, api $MAIL_API_PORT" ;;
      esac
      if [[ -n "$(port_of "$s")" ]] && ready "$s"; then state="running"; else state="running (not answering yet)"; fi
      printf '  %-10s %s (pid %s, %s)\n' "$s" "$state" "$pid" "$ports"
    else
      printf '  %-10s stopped\n' "$s"
    fi
  done
  return 0
}

cmd_stop() {
  [[ -d "$STATE" ]] || { log "profile $PROFILE: nothing to stop ($STATE does not exist)"; return 0; }
  take_lock
  pg_locate
  mkdir -p "$RUN"
  stop_server keycloak TERM 30 &
  local j1=$!
  stop_server kafka TERM 30 &
  local j2=$!
  stop_server greenmail TERM 10 &
  local j3=$!
  # PostgreSQL: SIGINT = "fast" shutdown (SIGTERM would wait for every client to disconnect)
  stop_server postgres INT 30 &
  local j4=$!
  wait $j1 $j2 $j3 $j4 || true
  any_running || rm -f "$STATE/servers.env"
}

cmd_env() {
  local f="$STATE/servers.env"
  echo "$f"
  [[ -f "$f" ]] || { warn "($f does not exist yet: run 'DEVSHARE_PROFILE=$PROFILE $0 start')"; return 1; }
}

usage() {
  cat <<EOF
usage: [DEVSHARE_PROFILE=dev|test|faults] $0 fetch|start [server…]|status|stop|env
  fetch   download Kafka, Keycloak and GreenMail from Maven Central into .local/dist (once), and PostgreSQL
          when no server binaries are installed (DEVSHARE_PG_BIN=download: always)
  start   start PostgreSQL, Kafka, Keycloak and GreenMail (reuses running ones), wait until ready;
          names (postgres kafka keycloak greenmail) start only those
  status  show which servers run (pid, ports)
  stop    stop the servers of the profile
  env     print the path of the sourceable servers.env of the profile
EOF
}

case "${1:-}" in
  fetch) cmd_fetch; find_java; pg_find_bin; log "postgres: binaries in $PGBIN" ;;
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
