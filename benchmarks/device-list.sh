#!/usr/bin/env bash
# Benchmark of device-service's list of what an organization sees (issue 4), on this machine, wrk beside the app.
#
#   benchmarks/device-list.sh
#
# Seeds a database of its own (device_bench) with 100,000 devices over 1,000 organizations, one of which (acme)
# sees all 100,000: 50,000 it owns and 50,000 shared in by the 999 others (one grant each, through the
# device_access projection, as sharing-events leave it). Then prints, in one run, at 16 connections: the bare
# ceiling (GET /ping), the ceiling with token verification (GET /ping/authenticated), the first page and a page
# 90,000 rows deep of GET /devices (p50/p95/p99, req/s), and the service's RSS. Nothing here asserts a time.
#
# Servers: BENCH_SERVERS_ENV=<servers.env> uses running servers (started and stopped by nobody here); without it,
# the test profile's servers are started (reused when running).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/benchmarks"
OUT="$REPO/.local/bench"
PORT=${BENCH_PORT:-18083}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
LIMIT=${BENCH_LIMIT:-50}
# Sized for this 2-core machine, where PostgreSQL and wrk share the cores with the service: a few connections and one
# event loop per core (16 connections' worth of PostgreSQL backends competing for 2 cores doubled the p95). Printed
# with the figures; override with BENCH_POOL / BENCH_EVENT_LOOPS / BENCH_JAVA_OPTS.
POOL=${BENCH_POOL:-4}
EVENT_LOOPS=${BENCH_EVENT_LOOPS:-$(nproc)}
JAVA_OPTS=${BENCH_JAVA_OPTS:-@$REPO/deploy/jvm/service.options}
# The options as printed with the figures (an @file's options, without its comments).
shown_opts() { if [[ $JAVA_OPTS == @* ]]; then sed 's/#.*//' "${JAVA_OPTS#@}" | xargs; else echo "$JAVA_OPTS"; fi; }
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing wrk (Debian package)"
    (apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; })
  else
    echo "error: wrk is required: apt-get install wrk" >&2; exit 1
  fi
fi

if [[ -n "${BENCH_SERVERS_ENV:-}" ]]; then
  # shellcheck disable=SC1090
  source "$BENCH_SERVERS_ENV"
else
  echo "== test servers"
  DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" start >/dev/null
  # shellcheck disable=SC1090
  source "$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" env)"
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
psql_super() { PGPASSWORD=devshare "$PGBIN/psql" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U devshare "$@"; }
psql_bench() { PGPASSWORD=device "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U device -d device_bench "$@"; }

JAR="$REPO/device-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" ]]; then
  echo "== building device-service"
  (cd "$REPO" && ./mvnw -B -q -pl device-service -am package -DskipTests -Dspotless.check.skip=true)
fi

SEEDED=0
if [[ "${BENCH_REUSE_DB:-0}" == 1 ]] &&
  [[ $(psql_bench -tAc "SELECT count(*) >= 100000 FROM device" 2>/dev/null || echo f) == t ]]; then
  echo "== reusing the seeded database device_bench"
  SEEDED=1
else
  echo "== fresh database device_bench"
  psql_super -d postgres -c "DROP DATABASE IF EXISTS device_bench" -c "CREATE DATABASE device_bench OWNER device"
fi

APP_PID=""
stop_app() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=""; }
trap stop_app EXIT
echo "== starting device-service (migrates a fresh database)"
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_USERNAME=device QUARKUS_DATASOURCE_PASSWORD=device \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_bench" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_bench" \
QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=$POOL QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=$EVENT_LOOPS MALLOC_ARENA_MAX=2 \
KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" \
DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret DEVSHARE_BENCHMARK_ENDPOINTS=true \
MP_MESSAGING_INCOMING_SHARING_EVENTS_GROUP_ID=device-bench-$$ MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID=device-bench-$$ \
MP_MESSAGING_INCOMING_SHARING_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_PROJECT_EVENTS_AUTO_OFFSET_RESET=latest \
  java $JAVA_OPTS -jar "$JAR" >"$OUT/device-service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "error: device-service exited; see $OUT/device-service.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "error: device-service not ready" >&2; exit 1; }
# The ceilings are served only because DEVSHARE_BENCHMARK_ENDPOINTS=true (never in production).
curl -fsS "http://127.0.0.1:$PORT/ping" >/dev/null ||
  { echo "error: GET /ping is not served: DEVSHARE_BENCHMARK_ENDPOINTS=true did not reach device-service" >&2; exit 1; }

if [[ $SEEDED == 0 ]]; then
echo "== seeding 100,000 devices over 1,000 organizations; acme owns 50,000 and 50,000 are shared in to it"
t0=$(date +%s)
psql_bench -f "$BENCH/device-bench-seed.sql"
echo "   seeded in $(( $(date +%s) - t0 )) s"
fi

# The cursor of the row 90,000 deep in acme's list (the API's own encoding: base64url of "<instant>|<id>").
DEEP_ROW=$(psql_bench -tAc "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '|' || id
  FROM device ORDER BY created_at DESC, id DESC OFFSET 89999 LIMIT 1")
DEEP_CURSOR=$(printf '%s' "$DEEP_ROW" | base64 -w0 | tr '+/' '-_' | tr -d '=')

token() {
  curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=devshare-console -d username=acme-admin -d password=devshare |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
result() { grep '^RESULT' "$1" | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# A fresh token per phase (Keycloak's tokens live minutes).
run_wrk() { local path=$1 out=$2 duration=$3 auth=${4:-1} tok=""
  ((auth)) && tok=$(token)
  BENCH_TOKEN=$tok BENCH_PATH=$path wrk -t2 -c"$CONNECTIONS" -d"$duration" -s "$BENCH/device-list.lua" \
    "http://127.0.0.1:$PORT" >"$out"; }

FIRST="/devices?limit=$LIMIT"
DEEP="/devices?limit=$LIMIT&cursor=$DEEP_CURSOR"
TOKEN=$(token)
first_count=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$FIRST" | grep -o '"serialNumber"' | wc -l)
deep_count=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$DEEP" | grep -o '"serialNumber"' | wc -l)
[[ $first_count == "$LIMIT" && $deep_count == "$LIMIT" ]] || { echo "error: pages of $first_count / $deep_count rows, expected $LIMIT" >&2; exit 1; }
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')

echo "== warm-up (JIT): 10 s each"
run_wrk /ping /dev/null 10s 0
run_wrk "$FIRST" /dev/null 10s
run_wrk "$DEEP" /dev/null 10s
echo "== ceiling: GET /ping, $CONNECTIONS connections, $DURATION"
run_wrk /ping "$OUT/device-ping.txt" "$DURATION" 0
echo "== ceiling with token verification: GET /ping/authenticated"
run_wrk /ping/authenticated "$OUT/device-ping-auth.txt" "$DURATION"
echo "== first page: GET $FIRST"
run_wrk "$FIRST" "$OUT/device-first.txt" "$DURATION"
echo "== deep page (90,000 rows in): GET /devices?limit=$LIMIT&cursor=…"
run_wrk "$DEEP" "$OUT/device-deep.txt" "$DURATION"
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
if [[ "${BENCH_NMT:-0}" == 1 ]]; then
  # Where the RSS goes (run with BENCH_JAVA_OPTS="... -XX:NativeMemoryTracking=summary").
  jcmd "$APP_PID" VM.native_memory summary >"$OUT/device-nmt.txt" 2>&1 || true
  echo "== native memory summary: $OUT/device-nmt.txt"
fi
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

PING=$(result "$OUT/device-ping.txt"); APING=$(result "$OUT/device-ping-auth.txt")
FIRSTR=$(result "$OUT/device-first.txt"); DEEPR=$(result "$OUT/device-deep.txt")
line() { printf '  %-9s %-26s %7s req/s   p50 %s ms  p95 %s ms  p99 %s ms  errors %s\n' "$1" "$2" \
  "$(field rps "$3")" "$(field p50_ms "$3")" "$(field p95_ms "$3")" "$(field p99_ms "$3")" "$(field errors "$3")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<TXT

device-service GET /devices — $(date -u +%FT%TZ), $(nproc) cores, wrk and the service on one machine, $CONNECTIONS connections
  build: $(git -C "$REPO" rev-parse --short HEAD); JVM: $(shown_opts); reactive pool $POOL, event loops $EVENT_LOOPS
  servers: ${BENCH_SERVERS_ENV:-test profile}; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER
  data: $(psql_bench -tAc "SELECT count(*) FROM device") devices of $(psql_bench -tAc "SELECT count(DISTINCT owner_org) FROM device") organizations; acme owns $(psql_bench -tAc "SELECT count(*) FROM device WHERE owner_org = 'acme'"), $(psql_bench -tAc "SELECT count(DISTINCT device_id) FROM device_access WHERE grantee_org = 'acme'") shared in; pages of $LIMIT
$(line ceiling "GET /ping" "$PING")
$(line ceiling "GET /ping/authenticated" "$APING")
$(line first "GET /devices (first page)" "$FIRSTR")
$(line deep "GET /devices (90,000 deep)" "$DEEPR")
  deep / first p95: $(ratio "$(field p95_ms "$DEEPR")" "$(field p95_ms "$FIRSTR")") (target <= 1.5); first page p95 target <= 20 ms
  device-service RSS after the run: $RSS_MB MB (target <= 200 MB)
TXT
