#!/usr/bin/env bash
# Benchmark of sharing-service's access authority (issue 5), on this machine, with wrk beside the app.
#
#   benchmarks/sharing-access-check.sh                                              # test-profile servers
#   BENCH_SERVERS_ENV=/work/main/.local/dev/servers.env benchmarks/sharing-access-check.sh   # running servers
#
# Seeds a database of its own (sharing_bench) with 1,000,000 grants over 10,000 organizations and 200,000
# devices (100,000 of them in 10,000 groups, each group shared once), then prints, in one run: the ceilings
# (GET /ping bare, and GET /ping/authenticated, which verifies the same bearer token as the check), POST
# /access/check at 32 connections (p50/p95/p99, req/s), a PostgreSQL primary-key lookup rate (pgbench, same
# machine), grants created per second through the outbox, the service's RSS and the machine's load before and
# after. Nothing here asserts a time: it prints figures.
#
# Settings (environment):
#   BENCH_SERVERS_ENV  a servers.env (deploy/local/README.md) of servers already running: they are neither started
#                      nor stopped. Without it the test-profile servers are started (and left running).
#   BENCH_REUSE_DB=1   keep an already seeded sharing_bench (only the previous run's POST /grants rows are removed).
#   BENCH_DURATION (20s), BENCH_WARMUP (15s per endpoint), BENCH_CONNECTIONS (32), BENCH_PORT (18082),
#   BENCH_POOL (reactive pool size, 4), BENCH_EVENT_LOOPS (Vert.x event loops, one per core), BENCH_JAR (the service's quarkus-run.jar; default: this checkout's build),
#   BENCH_JAVA_OPTS (the services' own: @deploy/jvm/service.options, with -Xmx$BENCH_HEAP (256m) for the copy of
#   the grants; MALLOC_ARENA_MAX=2), BENCH_REPLICA (true; false: every check asks PostgreSQL, as before the copy),
#   BENCH_EVENTS_TOPIC (sharing-bench-events: the grants run's events never reach the real sharing-events topic
#   of shared servers).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/benchmarks"
OUT="$REPO/.local/bench"
PORT=${BENCH_PORT:-18082}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
# The services' options, with a heap for the in-memory copy of 1,000,000 grants (the default -Xmx96m is for the
# demo's few; a later -Xmx wins).
JAVA_OPTS=${BENCH_JAVA_OPTS:-@$REPO/deploy/jvm/service.options -Xmx${BENCH_HEAP:-256m}}
# The options as printed with the figures (an @file's options, without its comments).
shown_opts() { local o out=(); for o in $JAVA_OPTS; do
  if [[ $o == @* ]]; then out+=("$(sed 's/#.*//' "${o#@}" | xargs)"); else out+=("$o"); fi; done; echo "${out[*]}"; }
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
  echo "== servers from $BENCH_SERVERS_ENV (not started or stopped here)"
  [[ -f "$BENCH_SERVERS_ENV" ]] || { echo "error: $BENCH_SERVERS_ENV does not exist" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$BENCH_SERVERS_ENV"
else
  echo "== test servers"
  DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" start >/dev/null
  # shellcheck disable=SC1090
  source "$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" env)"
fi
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
psql_super() { PGPASSWORD=devshare "$PGBIN/psql" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U devshare "$@"; }
psql_bench() { PGPASSWORD=sharing "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U sharing -d sharing_bench "$@"; }

JAR=${BENCH_JAR:-$REPO/sharing-service/target/quarkus-app/quarkus-run.jar}
if [[ ! -f "$JAR" ]]; then
  echo "== building sharing-service"
  (cd "$REPO" && ./mvnw -B -q -pl sharing-service package -DskipTests -Dspotless.check.skip=true)
fi

SEEDED=0
if [[ "${BENCH_REUSE_DB:-0}" == 1 ]] &&
  [[ $(psql_bench -tAc "SELECT count(*) >= 1000000 FROM share_grant" 2>/dev/null || echo f) == t ]]; then
  echo "== reusing the seeded database sharing_bench (removing the previous run's POST /grants rows)"
  psql_bench -c "DELETE FROM grant_history WHERE grant_id IN (SELECT id FROM share_grant WHERE owner_org = 'rentco')" \
    -c "DELETE FROM share_grant WHERE owner_org = 'rentco'" -c "DELETE FROM outbox_event" -c "VACUUM ANALYZE share_grant"
  SEEDED=1
else
  echo "== fresh database sharing_bench"
  psql_super -d postgres -c "DROP DATABASE IF EXISTS sharing_bench" -c "CREATE DATABASE sharing_bench OWNER sharing"
fi

APP_PID=""
stop_app() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=""; }
trap stop_app EXIT
start_app() {
  QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_DATASOURCE_USERNAME=sharing QUARKUS_DATASOURCE_PASSWORD=sharing \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/sharing_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/sharing_bench" \
  QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=${BENCH_POOL:-4} QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=${BENCH_EVENT_LOOPS:-$(nproc)} \
  KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
  QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" \
  DEVSHARE_SHARING_EVENTS_TOPIC=${BENCH_EVENTS_TOPIC:-sharing-bench-events} \
  DEVSHARE_ACCESS_REPLICA_ENABLED=${BENCH_REPLICA:-true} \
  DEVSHARE_BENCHMARK_ENDPOINTS=true \
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_GROUP_ID=sharing-bench-$$ MP_MESSAGING_INCOMING_DEVICE_EVENTS_GROUP_ID=sharing-bench-$$ \
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_DEVICE_EVENTS_AUTO_OFFSET_RESET=latest \
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
    java $JAVA_OPTS -jar "$JAR" >"$OUT/sharing-service.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then
      # The ceilings are served only because DEVSHARE_BENCHMARK_ENDPOINTS=true (never in production).
      curl -fsS "http://127.0.0.1:$PORT/ping" >/dev/null ||
        { echo "error: GET /ping is not served: DEVSHARE_BENCHMARK_ENDPOINTS=true did not reach sharing-service" >&2; exit 1; }
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "error: sharing-service exited; see $OUT/sharing-service.log" >&2; exit 1; }
    sleep 1
  done
  echo "error: sharing-service not ready; see $OUT/sharing-service.log" >&2; exit 1
}
# Waits until the access replica answers from its copy (read at start from the seeded tables); prints its load.
await_copy() {
  [[ ${BENCH_REPLICA:-true} == true ]] || { COPY="off (BENCH_REPLICA=false): every check asks PostgreSQL"; return; }
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$PORT/q/metrics" 2>/dev/null | grep -q '^devshare_access_replica_fresh 1'; then
      jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
      local heap; heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); s += v } } END { printf "%d", s / 1024 }')
      COPY="$(grep -o 'loaded [0-9]* devices and [0-9]* active grants in [0-9]* ms' "$OUT/sharing-service.log" | tail -n1); Java heap in use after a full collection ${heap} MB, RSS $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB"
      return
    fi
    sleep 1
  done
  echo "error: the access replica did not load its copy; see $OUT/sharing-service.log" >&2; exit 1
}

echo "== starting sharing-service (migrates a fresh database)"
start_app

if [[ $SEEDED == 0 ]]; then
stop_app # the tables are migrated; the replica reads the seeded grants when it starts again
echo "== seeding 1,000,000 grants, 200,000 devices, 10,000 groups (about a minute)"
t0=$(date +%s)
psql_bench <<'SQL'
INSERT INTO device_view (device_id, owner_org, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       'bench-org-' || lpad((CASE WHEN n <= 100000 THEN n % 10000 ELSE ((n - 100001) / 10) % 10000 END)::text, 5, '0'),
       now()
FROM generate_series(1, 200000) n;
INSERT INTO device_group_view (group_id, owner_org, updated_at)
SELECT ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, 'bench-org-' || lpad(g::text, 5, '0'), now()
FROM generate_series(0, 9999) g;
INSERT INTO group_member_view (group_id, device_id)
SELECT ('00000000-0000-4000-9000-' || lpad(((n - 100001) / 10)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid
FROM generate_series(100001, 200000) n;
-- 990,000 direct grants: devices 1..99,000, ten grantee organizations each (operator).
INSERT INTO share_grant (id, action_id, owner_org, grantee_org, device_id, role, capabilities, status, created_by, created_at)
SELECT gen_random_uuid(), gen_random_uuid(),
       'bench-org-' || lpad((n % 10000)::text, 5, '0'),
       'bench-org-' || lpad(((n % 10000 + 7 * k + 1) % 10000)::text, 5, '0'),
       ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       'OPERATOR', ARRAY['view','view-position','read-field-data','assign-to-project','publish-design','remote-session'],
       'ACTIVE', 'bench', now() - interval '1 day'
FROM generate_series(1, 99000) n, generate_series(0, 9) k;
-- 10,000 group grants: each group (10 devices) shared with one organization (viewer).
INSERT INTO share_grant (id, action_id, owner_org, grantee_org, group_id, role, capabilities, status, created_by, created_at)
SELECT gen_random_uuid(), gen_random_uuid(), 'bench-org-' || lpad(g::text, 5, '0'),
       'bench-org-' || lpad(((g + 5000) % 10000)::text, 5, '0'),
       ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid,
       'VIEWER', ARRAY['view','view-position','read-field-data'], 'ACTIVE', 'bench', now() - interval '1 day'
FROM generate_series(0, 9999) g;
-- For the grants-per-second run: acme and rentco are partners; rentco owns 400,000 more devices.
INSERT INTO partnership_view (partnership_id, org_a, org_b, active, updated_at)
VALUES (gen_random_uuid(), 'acme', 'rentco', true, now());
INSERT INTO device_view (device_id, owner_org, updated_at)
SELECT ('00000000-0000-4000-a000-' || lpad((t * 1000000 + n)::text, 12, '0'))::uuid, 'rentco', now()
FROM generate_series(0, 3) t, generate_series(1, 100000) n;
VACUUM ANALYZE device_view, device_group_view, group_member_view, share_grant, partnership_view;
SQL
echo "   seeded in $(( $(date +%s) - t0 )) s: $(psql_bench -tAc 'SELECT count(*) FROM share_grant') grants"
echo "== starting sharing-service again: its access replica reads the seeded grants"
start_app
fi
await_copy
echo "   copy: $COPY"

token() {
  curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" "$@" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
service_token() { token -d grant_type=client_credentials -d client_id=devshare-services -d client_secret=devshare-services-local-secret; }
RENTCO_TOKEN=$(token -d grant_type=password -d client_id=devshare-console -d username=rentco-admin -d password=devshare)

result() { grep '^RESULT' "$1" | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# Runs wrk with a fresh service token (Keycloak's tokens live minutes; every phase gets its own).
run_wrk() { local script=$1 url=$2 out=$3 duration=$4
  BENCH_TOKEN=$(service_token) wrk -t2 -c"$CONNECTIONS" -d"$duration" -s "$BENCH/$script" "$url" >"$out"; }

WARMUP=${BENCH_WARMUP:-15s}
echo "== warm-up (JIT): $WARMUP each"
run_wrk ping.lua "http://127.0.0.1:$PORT/ping" /dev/null "$WARMUP"
run_wrk ping-authenticated.lua "http://127.0.0.1:$PORT/ping/authenticated" /dev/null "$WARMUP"
run_wrk access-check.lua "http://127.0.0.1:$PORT" /dev/null "$WARMUP"

echo "== ceiling: GET /ping (no token), $CONNECTIONS connections, $DURATION"
run_wrk ping.lua "http://127.0.0.1:$PORT/ping" "$OUT/ping.txt" "$DURATION"
PING=$(result "$OUT/ping.txt")
echo "== ceiling with the check's token verification: GET /ping/authenticated, $CONNECTIONS connections, $DURATION"
run_wrk ping-authenticated.lua "http://127.0.0.1:$PORT/ping/authenticated" "$OUT/ping-authenticated.txt" "$DURATION"
APING=$(result "$OUT/ping-authenticated.txt")
echo "== POST /access/check, $CONNECTIONS connections, $DURATION"
run_wrk access-check.lua "http://127.0.0.1:$PORT" "$OUT/check.txt" "$DURATION"
CHECK=$(result "$OUT/check.txt")
RSS_CHECK_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
LOAD_CHECK=$(uptime | sed 's/.*load average: //')

echo "== pgbench: primary-key lookups on device_view, 32 clients, 15 s (prepared statements)"
cat >"$OUT/pk.sql" <<'SQL'
\set n random(1, 200000)
SELECT owner_org FROM device_view WHERE device_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
SQL
PGPASSWORD=sharing "$PGBIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U sharing -c 32 -j 2 -T 15 \
  -f "$OUT/pk.sql" sharing_bench >"$OUT/pgbench.txt" 2>&1
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | head -n1)

echo "== POST /grants (rentco shares one device with acme per request), 8 connections, 15 s"
before=$(psql_bench -tAc "SELECT count(*) FROM outbox_event")
t0=$(date +%s.%N)
BENCH_TOKEN=$RENTCO_TOKEN wrk -t2 -c8 -d15s -s "$BENCH/grants.lua" "http://127.0.0.1:$PORT" >"$OUT/grants.txt"
GRANTS=$(result "$OUT/grants.txt")
for _ in $(seq 1 120); do
  [[ $(psql_bench -tAc "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0 ]] && break
  sleep 0.5
done
t1=$(date +%s.%N)
published=$(( $(psql_bench -tAc "SELECT count(*) FROM outbox_event WHERE published_at IS NOT NULL") - before ))
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

ping_rps=$(field rps "$PING"); aping_rps=$(field rps "$APING"); check_rps=$(field rps "$CHECK")
created=$(field created "$GRANTS"); gdur=$(field duration_s "$GRANTS")
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
line() { printf '  %-8s %-22s %7s req/s   p50 %s ms  p95 %s ms  p99 %s ms  errors %s\n' "$1" "$2" \
  "$(field rps "$3")" "$(field p50_ms "$3")" "$(field p95_ms "$3")" "$(field p99_ms "$3")" "$(field errors "$3")"; }
cat <<TXT

sharing-service access authority — $(date -u +%FT%TZ), $(nproc) cores, wrk and the service on one machine
  build: $(cd "$REPO" && git rev-parse --short HEAD)$([[ -n "${BENCH_JAR:-}" ]] && echo " (jar: $BENCH_JAR)"); JVM: $(shown_opts); reactive pool ${BENCH_POOL:-4}, event loops ${BENCH_EVENT_LOOPS:-$(nproc)}
  servers: ${BENCH_SERVERS_ENV:-test profile}; load average (1/5/15 min) before $LOAD_BEFORE, after the check $LOAD_CHECK
  copy: $COPY
  data: $(psql_bench -tAc "SELECT count(*) FROM share_grant WHERE owner_org LIKE 'bench-org-%'") grants (990,000 direct, 10,000 on groups), 10,000 organizations, 200,000 devices
$(line ceiling "GET /ping" "$PING")
$(line ceiling "GET /ping/authenticated" "$APING")
$(line check "POST /access/check" "$CHECK")
           = $(pct "$check_rps" "$ping_rps")% of the bare ceiling GET /ping (the target's basis: >= 60%), $(pct "$check_rps" "$aping_rps")% of GET /ping/authenticated; p99 target <= 5 ms
  pgbench  primary-key select     ${PG_TPS%.*} tx/s (32 clients, prepared)
  grants   POST /grants           $created created in $gdur s = $(awk -v a="$created" -v b="$gdur" 'BEGIN { printf "%.0f", a / b }')/s   p50 $(field p50_ms "$GRANTS") ms  p99 $(field p99_ms "$GRANTS") ms
  outbox   $published events published in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s from the first grant (2 per grant: access + share)
  commit → device-service projection latency: measured by benchmarks/share-propagation.sh (it needs device-service beside this one)
  sharing-service RSS: $RSS_CHECK_MB MB after the check, $RSS_MB MB after the whole run (target <= 200 MB); load after $LOAD_AFTER
TXT
