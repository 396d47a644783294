#!/usr/bin/env bash
# Benchmark of device credentials under attack (issue 13, item 7), on this machine, wrk beside the app.
#
#   benchmarks/device-auth.sh
#
# Wrong HTTP Basic credentials on /device-api/* used to cost ~100 ms of PBKDF2 each, even for an unknown device id,
# so clients without any credentials could slow everybody down. This prints, in one run: the ceiling (GET /ping);
# GET /devices (a person's first page, bearer token) alone; a device's own GET /device-api/work with its right
# credentials alone (the cost of a verified credential); and GET /devices again while 16 more connections send wrong
# credentials — (a) for unknown device ids, throttled as configured (one client address: after 50 failures a minute
# everything it sends is 429); (b) the same with the throttle off (the HMAC check alone); (c) for devices whose
# credentials are still stored as PBKDF2, throttle off: what every wrong credential cost before the change. With
# the attackers' req/s and their answers (401 / 429). Nothing here asserts a time.
#
# Servers: BENCH_SERVERS_ENV=<servers.env> uses running servers (started and stopped by nobody here); without it,
# the test profile's servers are started (reused when running).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/benchmarks"
OUT="$REPO/.local/bench"
PORT=${BENCH_PORT:-18093}
DURATION=${BENCH_DURATION:-15s}
# The people listing devices, and the connections sending wrong credentials beside them.
CONNECTIONS=${BENCH_CONNECTIONS:-4}
ATTACKERS=${BENCH_ATTACKERS:-16}
POOL=${BENCH_POOL:-4}
EVENT_LOOPS=${BENCH_EVENT_LOOPS:-$(nproc)}
JAVA_OPTS=${BENCH_JAVA_OPTS:-@$REPO/deploy/jvm/service.options}
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
psql_bench() { PGPASSWORD=device "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U device -d device_auth_bench "$@"; }

JAR="$REPO/device-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" ]]; then
  echo "== building device-service"
  (cd "$REPO" && ./mvnw -B -q -pl device-service -am package -DskipTests -Dspotless.check.skip=true)
fi

echo "== fresh database device_auth_bench"
psql_super -d postgres -c "DROP DATABASE IF EXISTS device_auth_bench" -c "CREATE DATABASE device_auth_bench OWNER device"

APP_PID=""
stop_app() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=""; }
ATTACK_PID=""
stop_all() { if [[ -n "$ATTACK_PID" ]]; then kill "$ATTACK_PID" 2>/dev/null || true; fi; stop_app; }
trap stop_all EXIT
# start_app <max failures per device and per address>
start_app() {
  QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_DATASOURCE_USERNAME=device QUARKUS_DATASOURCE_PASSWORD=device \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_auth_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_auth_bench" \
  QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=$POOL QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=$EVENT_LOOPS MALLOC_ARENA_MAX=2 \
  KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
  QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" \
  DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret \
  DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY=device-auth-benchmark-key-0123456789abcdef \
  MP_MESSAGING_INCOMING_SHARING_EVENTS_GROUP_ID=device-auth-bench-$$ MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID=device-auth-bench-$$ \
  MP_MESSAGING_INCOMING_SHARING_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_PROJECT_EVENTS_AUTO_OFFSET_RESET=latest \
    env ${1:+DEVSHARE_DEVICE_CREDENTIALS_MAX_FAILURES_PER_DEVICE=$1 DEVSHARE_DEVICE_CREDENTIALS_MAX_FAILURES_PER_ADDRESS=$1} \
    java $JAVA_OPTS -jar "$JAR" >"$OUT/device-auth-service.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "error: device-service exited; see $OUT/device-auth-service.log" >&2; exit 1; }
    sleep 1
  done
  echo "error: device-service not ready" >&2; exit 1
}
echo "== starting device-service (migrates a fresh database)"
start_app ""

echo "== seeding 10,000 of acme's devices (1,000 of them with credentials still stored as PBKDF2)"
psql_bench <<'SQL'
INSERT INTO device (id, owner_org, serial_number, manufacturer, model, kind, display_name, tags, secret_hash,
                    secret_rotated_at, created_by, created_at, updated_by, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'acme', 'AUTH-BENCH-' || n, 'Trimble', 'SPS986',
       'GNSS_ROVER', 'Bench device ' || n, ARRAY['bench'],
       'pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', now(), 'bench',
       now() - n * interval '1 second', 'bench', now()
FROM generate_series(1, 10000) n;
INSERT INTO licence_pool (org_alias, size, used, updated_by) VALUES ('acme', 100000, 10000, 'bench')
ON CONFLICT (org_alias) DO UPDATE SET size = 100000, used = 10000;
ANALYZE device;
SQL

token() {
  curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=devshare-console -d username=acme-admin -d password=devshare |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
basic() { printf 'Basic %s\n' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }

# A device registered through the API: its credentials are stored as HMAC.
REG=$(curl -fsS -X POST "http://127.0.0.1:$PORT/devices" -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' \
  -d '{"serialNumber":"AUTH-BENCH-REAL","manufacturer":"Trimble","model":"SPS986","kind":"GNSS_ROVER","displayName":"Real"}')
DEVICE_ID=$(sed -n 's/.*"credentials":{[^}]*"deviceId":"\([^"]*\)".*/\1/p' <<<"$REG")
DEVICE_SECRET=$(sed -n 's/.*"credentials":{[^}]*"secret":"\([^"]*\)".*/\1/p' <<<"$REG")
[[ -n $DEVICE_ID && -n $DEVICE_SECRET ]] || { echo "error: registration answered $REG" >&2; exit 1; }
basic "$DEVICE_ID" "$DEVICE_SECRET" >"$OUT/device-auth-right.txt"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $(cat "$OUT/device-auth-right.txt")" \
  "http://127.0.0.1:$PORT/device-api/work") == 200 ]] || { echo "error: the right credentials were refused" >&2; exit 1; }
# Wrong credentials: 1,000 unknown device ids; and the 1,000 PBKDF2-stored devices with wrong secrets.
: >"$OUT/device-auth-unknown.txt"; : >"$OUT/device-auth-legacy.txt"
for n in $(seq 1 1000); do
  basic "$(cat /proc/sys/kernel/random/uuid)" "wrong-secret-$n" >>"$OUT/device-auth-unknown.txt"
  basic "00000000-0000-4000-8000-$(printf '%012d' "$n")" "wrong-secret-$n" >>"$OUT/device-auth-legacy.txt"
done

result() { grep '^RESULT' "$1" | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# run_wrk <path> <auth file | "" for a fresh bearer token | none> <out> <duration> [connections]
run_wrk() { local path=$1 auth=$2 out=$3 duration=$4 conns=${5:-$CONNECTIONS}
  if [[ -z $auth ]]; then auth="$OUT/device-auth-bearer.txt"; printf 'Bearer %s\n' "$(token)" >"$auth"; fi
  [[ $auth == none ]] && auth=""
  BENCH_PATH=$path BENCH_AUTH_FILE=$auth wrk -t2 -c"$conns" -d"$duration" --timeout 10s -s "$BENCH/device-auth.lua" \
    "http://127.0.0.1:$PORT" >"$out"; }
secs() { local d=${1%s}; echo "$d"; }
# GET /devices while the attackers send the credentials of <auth file>
under_attack() { local auth=$1 out=$2 path=${3:-/device-api/work}
  run_wrk "$path" "$auth" "$out.attack" "$(( $(secs "$DURATION") + 4 ))s" "$ATTACKERS" &
  ATTACK_PID=$!
  sleep 2
  run_wrk "/devices?limit=50" "" "$out" "$DURATION"
  wait "$ATTACK_PID"; ATTACK_PID=""; }

LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
echo "== warm-up (JIT): 10 s each (not of wrong credentials: the address would stay throttled for a minute)"
run_wrk /ping none /dev/null 10s
run_wrk "/devices?limit=50" "" /dev/null 10s
run_wrk /device-api/work "$OUT/device-auth-right.txt" /dev/null 10s
echo "== ceiling: GET /ping, $CONNECTIONS connections, $DURATION"
run_wrk /ping none "$OUT/device-auth-ping.txt" "$DURATION"
echo "== GET /devices, nobody else"
run_wrk "/devices?limit=50" "" "$OUT/device-auth-list.txt" "$DURATION"
echo "== GET /device-api/work with the right credentials, nobody else"
run_wrk /device-api/work "$OUT/device-auth-right.txt" "$OUT/device-auth-work.txt" "$DURATION"
echo "== control: GET /devices + $ATTACKERS connections of GET /ping (the cheapest request there is)"
under_attack none "$OUT/device-auth-list-ping.txt" /ping
echo "== GET /devices + $ATTACKERS connections of wrong credentials for unknown ids, throttle as configured"
under_attack "$OUT/device-auth-unknown.txt" "$OUT/device-auth-list-throttled.txt"

echo "== restarting device-service with the throttle off"
stop_app
start_app 1000000000
run_wrk "/devices?limit=50" "" /dev/null 10s
run_wrk /device-api/work "$OUT/device-auth-unknown.txt" /dev/null 5s "$ATTACKERS"
echo "== GET /devices + $ATTACKERS connections of wrong credentials for unknown ids, throttle off (HMAC alone)"
under_attack "$OUT/device-auth-unknown.txt" "$OUT/device-auth-list-hmac.txt"
echo "== GET /devices + $ATTACKERS connections of wrong credentials for PBKDF2-stored devices, throttle off (as before)"
under_attack "$OUT/device-auth-legacy.txt" "$OUT/device-auth-list-pbkdf2.txt"
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

line() { printf '  %-44s %7s req/s   p50 %7s ms  p95 %7s ms  p99 %7s ms\n' "$1" \
  "$(field rps "$2")" "$(field p50_ms "$2")" "$(field p95_ms "$2")" "$(field p99_ms "$2")"; }
attackers() { printf '  %-44s %7s req/s   p50 %7s ms   answers: %s × 2xx, %s × 401, %s × 429, %s other, %s timeouts/errors\n' \
  "  beside it: $ATTACKERS connections" "$(field rps "$1")" "$(field p50_ms "$1")" "$(field s2xx "$1")" \
  "$(field s401 "$1")" "$(field s429 "$1")" "$(field sother "$1")" "$(field errors "$1")"; }
R() { result "$OUT/device-auth-$1.txt"; }
RA() { result "$OUT/device-auth-$1.txt.attack"; }
cat <<TXT

device-service credentials under attack — $(date -u +%FT%TZ), $(nproc) cores, wrk and the service on one machine
  build: $(git -C "$REPO" rev-parse --short HEAD); JVM: $(shown_opts); reactive pool $POOL, event loops $EVENT_LOOPS
  servers: ${BENCH_SERVERS_ENV:-test profile}; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER
  $CONNECTIONS connections list acme's devices (10,001, pages of 50); $ATTACKERS more send wrong credentials from one address
$(line "ceiling GET /ping" "$(R ping)")
$(line "GET /devices, alone" "$(R list)")
$(line "GET /device-api/work, right credentials, alone" "$(R work)")
$(line "GET /devices + GET /ping beside (control)" "$(R list-ping)")
$(attackers "$(RA list-ping)")
$(line "GET /devices, unknown ids, throttled (default)" "$(R list-throttled)")
$(attackers "$(RA list-throttled)")
$(line "GET /devices, unknown ids, throttle off (HMAC)" "$(R list-hmac)")
$(attackers "$(RA list-hmac)")
$(line "GET /devices, PBKDF2-stored ids, throttle off" "$(R list-pbkdf2)")
$(attackers "$(RA list-pbkdf2)")
TXT
