#!/usr/bin/env bash
# Benchmark of the console's pages (issue "Web console"), on this machine, wrk beside the console and the services.
#
#   benchmarks/console-pages.sh
#
# Starts the five services and the console from their packaged jars on free ports, loads the demo data
# (deploy/local/demo_data.py, as ./devshare up does), signs in as acme-admin through Keycloak's login forms
# (benchmarks/console-login.py) and prints, in one run, at 4 connections:
#   - the ceilings: the console's static /console.css (no session) and /devices/new (the session checked and a page
#     framed, no service called);
#   - every page of the demo data and the polled fragments (p50/p95/p99, req/s), each beside the service call(s) it
#     makes, measured alone with the person's bearer token, so one sees what the console adds on top;
#   - the device list with 100,000 visible devices: a device-service on a database of its own seeded like
#     benchmarks/device-list.sh (device-bench-seed.sql) and a second console pointed at it, first page and a page
#     90,000 rows deep through its cursor, beside device-service's own GET /devices for the same pages;
#   - each page's first load: the bytes transferred for the page and everything it loads, as a browser asks for them
#     (Accept-Encoding: gzip, deflate, br);
#   - the RSS of the consoles and the services after the run.
# Every measured answer must be a 200 holding the page's marker (checked with curl before timing, and counted by
# console-pages.lua during it: a lapsed session's 302 to Keycloak would count). Nothing here asserts a time.
#
# "Server time" is the console's response time as wrk sees it on loopback. 4 connections (BENCH_CONNECTIONS): each is
# a person waiting for a page, and a page fans out to up to 7 service calls at once; on 2 cores shared by wrk, the
# console, five services, PostgreSQL and Keycloak, more connections only measure the queue in front of the cores.
#
# Servers: BENCH_SERVERS_ENV=<servers.env> uses running servers (started and stopped by nobody here; the services
# then run as extra replicas on the servers' databases); without it, the test profile's servers are started, and
# stopped at the end unless they were running before. Everything else this starts is stopped at the end.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/benchmarks"
OUT="$REPO/.local/bench/console"
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-5s}
# Before those: every page in turn, so that C2 (the services' JVM options compile nothing before 10,000 calls of a
# method) has compiled the console's shared paths: session, REST client, Qute.
WARMUP_ALL=${BENCH_WARMUP_ALL:-60s}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
PERSON=${BENCH_USER:-acme-admin}
JAVA_OPTS=${BENCH_JAVA_OPTS:-@$REPO/deploy/jvm/service.options}
# The consoles' own, to try others (e.g. "@deploy/jvm/service.options -XX:+TieredCompilation"); the services keep theirs.
CONSOLE_JAVA_OPTS=${BENCH_CONSOLE_JAVA_OPTS:-$JAVA_OPTS}
# The 100,000-device device-service as benchmarks/device-list.sh runs it.
POOL=${BENCH_POOL:-4}
EVENT_LOOPS=${BENCH_EVENT_LOOPS:-$(nproc)}
START_PATIENCE=${BENCH_START_TIMEOUT:-360}
ACCEPT_ENCODING="gzip, deflate, br"
shown_opts() { # the options as printed with the figures (an @file's options, without its comments)
  local o; for o in $1; do if [[ $o == @* ]]; then sed 's/#.*//' "${o#@}" | xargs; else echo "$o"; fi; done | xargs; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing wrk (Debian package)"
    (apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; })
  else
    die "wrk is required: apt-get install wrk"
  fi
fi

# ------------------------------------------------------------------------------------------------------------------
# Clean-up: every process started here, and the test servers if this run started them.
declare -A PID=() PORT=()
STOP_SERVERS=0
cleanup() {
  local name
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
  if ((STOP_SERVERS)); then
    echo "== stopping the test servers this run started"
    DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [[ -n "${BENCH_SERVERS_ENV:-}" ]]; then
  SERVERS_ENV=$BENCH_SERVERS_ENV
else
  echo "== test servers"
  status=$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" status 2>/dev/null || true)
  grep -q ' running ' <<<"$status" || STOP_SERVERS=1
  DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" start >/dev/null
  SERVERS_ENV=$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" env)
fi
# shellcheck disable=SC1090
source "$SERVERS_ENV"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
psql_super() { PGPASSWORD=devshare "$PGBIN/psql" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U devshare "$@"; }
psql_bench() { PGPASSWORD=device "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U device -d device_bench "$@"; }

SERVICES=(partner-service sharing-service device-service project-service notification-service)
declare -A DB=([partner-service]=partner [sharing-service]=sharing [device-service]=device [project-service]=project
  [notification-service]=notification)
missing=0
for m in "${SERVICES[@]}" console; do [[ -f "$REPO/$m/target/quarkus-app/quarkus-run.jar" ]] || missing=1; done
if ((missing)); then
  echo "== building the services and the console"
  (cd "$REPO" && ./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true \
    -pl console,partner-service,sharing-service,device-service,project-service,notification-service -am)
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for name in "${SERVICES[@]}" console device-bench console-bench console-health console-bench-health; do
  PORT[$name]=$(free_port)
done
url() { echo "http://127.0.0.1:${PORT[$1]}"; }
# Where <name> answers /q/health: a console on its management port, a service on its only one.
health_url() { if [[ $1 == console* ]]; then url "$1-health"; else url "$1"; fi; }

# start <name> <module> [VAR=value…]: the module's jar with the services' JVM options, in a directory of its own.
start() {
  local name=$1 module=$2 opts=$JAVA_OPTS; shift 2
  [[ $module == console ]] && opts=$CONSOLE_JAVA_OPTS
  mkdir -p "$OUT/work/$name"
  # shellcheck disable=SC2086
  (cd "$OUT/work/$name" && exec env QUARKUS_HTTP_PORT="${PORT[$name]}" MALLOC_ARENA_MAX=2 "$@" \
    java $opts -jar "$REPO/$module/target/quarkus-app/quarkus-run.jar") >"$OUT/$name.log" 2>&1 </dev/null &
  PID[$name]=$!
}
await_ready() {
  local name deadline=$((SECONDS + START_PATIENCE))
  for name in "$@"; do
    until curl -fsS --max-time 2 "$(health_url "$name")/q/health/ready" >/dev/null 2>&1; do
      kill -0 "${PID[$name]}" 2>/dev/null || die "$name exited during start-up; see $OUT/$name.log"
      ((SECONDS < deadline)) || die "$name not ready after $START_PATIENCE s; see $OUT/$name.log"
      sleep 1
    done
  done
}
service_env() { # the configuration ./devshare up gives a service; a transactional id of this run's own (an extra
  local svc=$1 db=${DB[$1]} # replica on reused servers must not fence the running one)
  echo QUARKUS_DATASOURCE_USERNAME="$db" QUARKUS_DATASOURCE_PASSWORD="$db" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/$db" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/$db" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S \
    KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" DEVSHARE_KEYCLOAK_URL="$DEVSHARE_KEYCLOAK_URL" \
    DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret \
    QUARKUS_MAILER_HOST="$DEVSHARE_SMTP_HOST" QUARKUS_MAILER_PORT="$DEVSHARE_SMTP_PORT" \
    DEVSHARE_PROJECT_SERVICE_URL="$(url project-service)" DEVSHARE_CONSOLE_BASE_URL="$(url console)" \
    DEVSHARE_OUTBOX_TRANSACTIONAL_ID="$svc@console-bench-$$"
}
console_env() { # <device-service's name> <console's name>: nothing but Keycloak and the services' addresses
  echo DEVSHARE_KEYCLOAK_URL="$DEVSHARE_KEYCLOAK_URL" DEVSHARE_CONSOLE_MANAGEMENT_PORT="${PORT[$2-health]}" \
    DEVSHARE_PARTNER_SERVICE_URL="$(url partner-service)" DEVSHARE_SHARING_SERVICE_URL="$(url sharing-service)" \
    DEVSHARE_DEVICE_SERVICE_URL="$(url "$1")" DEVSHARE_PROJECT_SERVICE_URL="$(url project-service)" \
    DEVSHARE_NOTIFICATION_SERVICE_URL="$(url notification-service)"
}

echo "== starting the five services and the console (free ports; logs in $OUT)"
for svc in "${SERVICES[@]}"; do
  # shellcheck disable=SC2046
  start "$svc" "$svc" $(service_env "$svc")
done
# shellcheck disable=SC2046
start console console $(console_env device-service console)
await_ready "${SERVICES[@]}" console

echo "== demo data (deploy/local/demo_data.py)"
DEVSHARE_PARTNER_SERVICE_URL=$(url partner-service) DEVSHARE_SHARING_SERVICE_URL=$(url sharing-service) \
DEVSHARE_DEVICE_SERVICE_URL=$(url device-service) DEVSHARE_PROJECT_SERVICE_URL=$(url project-service) \
  python3 "$REPO/deploy/local/demo_data.py" "$SERVERS_ENV"

token() {
  curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=devshare-console -d username="$PERSON" -d password=devshare |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
login() { python3 "$BENCH/console-login.py" "$(url "$1")" "$PERSON"; }
# first <json> <key> <value> <field>: the field of the first item whose key has that value
first() { python3 -c 'import json, sys
items = json.load(sys.stdin)["items"]
print(next(i[sys.argv[3]] for i in items if i[sys.argv[1]] == sys.argv[2]))' "$@"; }
TOKEN=$(token)
ROVER=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$(url device-service)/devices?ownership=owned&limit=100" |
  first serialNumber AC-ROV-001 id)
PROJECT=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$(url project-service)/projects?limit=100" |
  first name "Riverside earthworks" id)

# Pages: name|path|marker (in every measured answer)|service calls measured beside it (service path, ...).
PAGES=(
  "sharing|/sharing|<td>rentco</td>|sharing-service /grants?direction=incoming&status=ACTIVE&limit=10,device-service /devices?ownership=shared&limit=100"
  "sharing-poll|/sharing/shared-with-us|<td>rentco</td>|"
  "partners|/partners|RentCo|partner-service /partnerships?limit=50,partner-service /partnerships/invitations?direction=incoming&status=PENDING&limit=50"
  "partners-poll|/partners/live|RentCo|"
  "devices|/devices|Excavator 1|device-service /devices?limit=50"
  "device|/devices/$ROVER|Acme rover 1|device-service /devices/$ROVER,sharing-service /access/devices/$ROVER/organizations"
  "projects|/projects|Riverside earthworks|project-service /projects?limit=100"
  "project|/projects/$PROJECT|Excavator 1|project-service /projects/$PROJECT,project-service /projects/$PROJECT/map?limit=1000"
  "inbox|/inbox|<h1>Inbox</h1>|notification-service /notifications?limit=50"
  "settings|/settings|<h1>Notification settings</h1>|notification-service /notification-settings"
)
CEILINGS=(
  "static|/console.css|.who|"
  "frame|/devices/new|<h1>Register a device</h1>|"
)

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${PID[$1]}/stat"; }
# wrk_run <name of the process asked> <path(s)> <marker> <cookie> <token> <duration> <out>: wrk's RESULT line, plus
# the CPU time the process asked spent per answer (utime + stime; less exposed to the neighbours than the times).
wrk_run() {
  local t0 t1 requests
  t0=$(cpu_ticks "$1")
  BENCH_PATHS=$2 BENCH_MARKER=$3 BENCH_COOKIE=$4 BENCH_TOKEN=$5 \
    wrk -t2 -c"$CONNECTIONS" -d"$6" --latency -s "$BENCH/console-pages.lua" "$(url "$1")" >"$7"
  t1=$(cpu_ticks "$1")
  requests=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$7")
  [[ -z $requests || $7 == /dev/null ]] ||
    sed -i "s/^RESULT .*/& cpu_ms=$(awk -v t=$((t1 - t0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "%.2f", n ? t * 1000 / hz / n : 0 }')/" "$7"
}
result() { grep '^RESULT' "$1" | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# check <base url> <path> <marker> <cookie>: a 200 holding the marker, before any timing
check() {
  local body status
  body=$(curl -sS -o - -w '\n%{http_code}' -H "Cookie: $4" "$1$2")
  status=${body##*$'\n'}
  [[ $status == 200 ]] || die "GET $2 answered $status, not 200 (the session?)"
  grep -qF -- "$3" <<<"$body" || die "GET $2: the page lacks its marker '$3'"
}

# first_load <base url> <path> <cookie>: "<page bytes> <total bytes> <page encoding> <what>", all as transferred
# (headers and body), the page and every stylesheet, script and image it names, and the favicon a browser asks for.
first_load() {
  local base=$1 path=$2 cookie=$3 html bytes total enc assets a n=0
  html=$(curl -sS -H "Cookie: $cookie" -H "Accept-Encoding: $ACCEPT_ENCODING" --compressed \
    -D "$OUT/headers.txt" -o "$OUT/page.html" -w '%{size_header} %{size_download}' "$base$path")
  bytes=$(( ${html% *} + ${html#* } )); total=$bytes
  enc=$(tr -d '\r' <"$OUT/headers.txt" | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' | tail -n1)
  assets=$( { grep -o '<link [^>]*rel="stylesheet"[^>]*>' "$OUT/page.html" | grep -o 'href="[^"]*"';
              grep -o '<script [^>]*src="[^"]*"' "$OUT/page.html" | grep -o 'src="[^"]*"';
              grep -o '<img [^>]*src="/[^"]*"' "$OUT/page.html" | grep -o 'src="[^"]*"'; } |
            sed 's/^[a-z]*="\(.*\)"$/\1/' | sort -u; echo /favicon.ico)
  for a in $assets; do
    html=$(curl -sS -H "Cookie: $cookie" -H "Accept-Encoding: $ACCEPT_ENCODING" -o /dev/null \
      -w '%{size_header} %{size_download}' "$base$a")
    total=$((total + ${html% *} + ${html#* })); n=$((n + 1))
  done
  echo "$bytes $total ${enc:-identity} $n"
}
asset_line() { # <base url> <path>: "<bytes as transferred> <content-encoding> (<bytes uncompressed>)"
  local t raw enc
  t=$(curl -sS -H "Accept-Encoding: $ACCEPT_ENCODING" -D "$OUT/headers.txt" -o /dev/null \
    -w '%{size_header} %{size_download}' "$1$2")
  raw=$(curl -sS -o /dev/null -w '%{size_download}' "$1$2")
  enc=$(tr -d '\r' <"$OUT/headers.txt" | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' | tail -n1)
  echo "$(( ${t% *} + ${t#* } )) B transferred (${enc:-not compressed}; $raw B of content)"
}

LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
echo "== signing in as $PERSON and checking every page (200 and its marker)"
COOKIE=$(login console)
for row in "${CEILINGS[@]}" "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  check "$(url console)" "$path" "$marker" "$COOKIE"
done

echo "== first load of each page (Accept-Encoding: $ACCEPT_ENCODING)"
declare -A LOAD=()
for row in "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  LOAD[$name]=$(first_load "$(url console)" "$path" "$COOKIE")
done
CSS_LINE=$(asset_line "$(url console)" /console.css)
JS_LINE=$(asset_line "$(url console)" /webjars/htmx.org/dist/htmx.min.js)
COMPRESSION=$(sed -n 's/^quarkus.http.enable-compression=//p' "$REPO/console/src/main/resources/application.properties")

# A fresh session per page (sign-in takes a second), so none comes near the access token's 15 minutes.
declare -A RES=()
measure_console() { # <console> <name> <path> <marker> <duration> <out|''>
  local cookie out=${6:-/dev/null}
  cookie=$(login "$1")
  [[ $3 == *' '* ]] || check "$(url "$1")" "$3" "$4" "$cookie"
  wrk_run "$1" "$3" "$4" "$cookie" "" "$5" "$out"
}
measure_call() { # <service name> <path> <duration> <out|''>
  wrk_run "$1" "$2" "" "" "$(token)" "$3" "${4:-/dev/null}"
}
all_paths=$(for row in "${CEILINGS[@]}" "${PAGES[@]}"; do IFS='|' read -r name path _ <<<"$row"; echo "$path"; done | xargs)
echo "== warm-up (JIT): every page in turn for $WARMUP_ALL, then $WARMUP each page and service call"
measure_console console all "$all_paths" "" "$WARMUP_ALL"
for row in "${CEILINGS[@]}" "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  measure_console console "$name" "$path" "$marker" "$WARMUP"
  IFS=',' read -r -a cs <<<"$calls"
  for c in ${cs[@]+"${cs[@]}"}; do measure_call "${c%% *}" "${c#* }" "$WARMUP"; done
done
echo "== measuring: $DURATION each at $CONNECTIONS connections"
for row in "${CEILINGS[@]}" "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  echo "   GET $path"
  measure_console console "$name" "$path" "$marker" "$DURATION" "$OUT/$name.txt"
  RES[$name]=$(result "$OUT/$name.txt")
  IFS=',' read -r -a cs <<<"$calls"
  i=0
  for c in ${cs[@]+"${cs[@]}"}; do
    i=$((i + 1)); echo "     ${c%% *} GET ${c#* }"
    measure_call "${c%% *}" "${c#* }" "$DURATION" "$OUT/$name-call$i.txt"
    RES[$name-call$i]=$(result "$OUT/$name-call$i.txt")
  done
done
rss() { echo $(( $(ps -o rss= -p "${PID[$1]}") / 1024 )); }
declare -A RSS=()
for name in console "${SERVICES[@]}"; do RSS[$name]=$(rss "$name"); done

# ------------------------------------------------------------------------------------------------------------------
# The device list with 100,000 visible devices.
SEEDED=0
if [[ "${BENCH_REUSE_DB:-0}" == 1 ]] &&
  [[ $(psql_bench -tAc "SELECT count(*) >= 100000 FROM device" 2>/dev/null || echo f) == t ]]; then
  echo "== reusing the seeded database device_bench"
  SEEDED=1
else
  echo "== fresh database device_bench"
  psql_super -d postgres -c "DROP DATABASE IF EXISTS device_bench" -c "CREATE DATABASE device_bench OWNER device"
fi
echo "== starting device-service on device_bench (pool $POOL, $EVENT_LOOPS event loops, as device-list.sh)"
start device-bench device-service QUARKUS_DATASOURCE_USERNAME=device QUARKUS_DATASOURCE_PASSWORD=device \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/device_bench" \
  QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE="$POOL" QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="$EVENT_LOOPS" \
  KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
  QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" \
  DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret \
  DEVSHARE_OUTBOX_TRANSACTIONAL_ID="device-service@console-bench-100k-$$" \
  MP_MESSAGING_INCOMING_SHARING_EVENTS_GROUP_ID=console-bench-$$ MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID=console-bench-$$ \
  MP_MESSAGING_INCOMING_SHARING_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_PROJECT_EVENTS_AUTO_OFFSET_RESET=latest
await_ready device-bench
if [[ $SEEDED == 0 ]]; then
  echo "== seeding 100,000 devices (benchmarks/device-bench-seed.sql)"
  t0=$(date +%s)
  PGOPTIONS='-c client_min_messages=error' psql_bench -f "$BENCH/device-bench-seed.sql"
  echo "   seeded in $(( $(date +%s) - t0 )) s"
fi
# The cursor of the row 90,000 deep in acme's list (the API's own encoding: base64url of "<instant>|<id>").
DEEP_ROW=$(psql_bench -tAc "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '|' || id
  FROM device ORDER BY created_at DESC, id DESC OFFSET 89999 LIMIT 1")
DEEP_CURSOR=$(printf '%s' "$DEEP_ROW" | base64 -w0 | tr '+/' '-_' | tr -d '=')

echo "== starting a console on that device-service"
# shellcheck disable=SC2046
start console-bench console $(console_env device-bench console-bench)
await_ready console-bench
COOKIE=$(login console-bench)
rows() { curl -fsS -H "Cookie: $COOKIE" "$(url console-bench)$1" | grep -c '<td><a href="/devices/'; }
first_rows=$(rows /devices); deep_rows=$(rows "/devices?cursor=$DEEP_CURSOR")
[[ $first_rows == 50 && $deep_rows == 50 ]] || die "console pages of $first_rows / $deep_rows devices, expected 50"
LOAD[bench-first]=$(first_load "$(url console-bench)" /devices "$COOKIE")
BIG=(
  "bench-first|/devices|Bench device 1<|device-bench /devices?limit=50"
  "bench-deep|/devices?cursor=$DEEP_CURSOR|Bench device 90001<|device-bench /devices?limit=50&cursor=$DEEP_CURSOR"
)
echo "== warm-up (JIT): both pages in turn for $WARMUP_ALL, then $WARMUP each"
measure_console console-bench all "/devices /devices?cursor=$DEEP_CURSOR" "" "$WARMUP_ALL"
for row in "${BIG[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  measure_console console-bench "$name" "$path" "$marker" "$WARMUP"
  measure_call "${calls%% *}" "${calls#* }" "$WARMUP"
done
echo "== measuring: $DURATION each"
for row in "${BIG[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  echo "   GET ${path:0:40}"
  measure_console console-bench "$name" "$path" "$marker" "$DURATION" "$OUT/$name.txt"
  RES[$name]=$(result "$OUT/$name.txt")
  measure_call "${calls%% *}" "${calls#* }" "$DURATION" "$OUT/$name-call1.txt"
  RES[$name-call1]=$(result "$OUT/$name-call1.txt")
done
for name in console-bench device-bench; do RSS[$name]=$(rss "$name"); done
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

# ------------------------------------------------------------------------------------------------------------------
line() { # <label> <result>
  printf '  %-56s %6s req/s  p50 %6s  p95 %6s  p99 %6s ms  CPU %5s ms/answer  errors %s\n' "$1" \
    "$(field rps "$2")" "$(field p50_ms "$2")" "$(field p95_ms "$2")" "$(field p99_ms "$2")" "$(field cpu_ms "$2")" \
    "$(( $(field errors "$2") + $(field wrong "$2") ))"
}
shown() { sed "s|$ROVER|{id}|g; s|$PROJECT|{id}|g" <<<"$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
load_line() { # <name> <path>
  local l=${LOAD[$1]}; read -r page total enc n <<<"$l"
  if [[ $1 == *-poll ]]; then
    printf '  %-32s %9s per poll (%s; polled every 2 s by the page above)\n' "$2" "$(kb "$page")" "$enc"
  else
    printf '  %-32s %9s: page %9s (%s) and its %s files\n' "$2" "$(kb "$total")" "$(kb "$page")" "$enc" "$n"
  fi
}
{
cat <<TXT

console pages — $(date -u +%FT%TZ), $(nproc) cores, wrk, the console, the five services, PostgreSQL, Kafka and
Keycloak on one machine; $CONNECTIONS connections, $DURATION per line after $WARMUP of warm-up; signed in as $PERSON
  build: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- console || echo " (console modified)"); JVM: $(shown_opts "$JAVA_OPTS")$([[ $CONSOLE_JAVA_OPTS == "$JAVA_OPTS" ]] || echo "; consoles: $(shown_opts "$CONSOLE_JAVA_OPTS")")
  servers: ${BENCH_SERVERS_ENV:-test profile}; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER
  errors = non-2xx, socket errors and 200s without the page's marker; CPU = the process's CPU time per answer

server time per page, demo data (target p95 <= 50 ms); indented: the service's own call, alone, bearer token
$(line "ceiling GET /console.css (static, no session)" "${RES[static]}")
$(line "ceiling GET /devices/new (session, frame, no call)" "${RES[frame]}")
TXT
for row in "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  line "GET $(shown "$path")" "${RES[$name]}"
  IFS=',' read -r -a cs <<<"$calls"; i=0
  for c in ${cs[@]+"${cs[@]}"}; do
    i=$((i + 1))
    line "   ${c%%-*} GET $(shown "${c#* }")" "${RES[$name-call$i]}"
  done
done
cat <<TXT

device list with 100,000 visible devices (acme: 50,000 owned, 50,000 shared in; target p95 <= 150 ms)
$(line "GET /devices (first page, 50 rows)" "${RES[bench-first]}")
$(line "   device GET /devices?limit=50" "${RES[bench-first-call1]}")
$(line "GET /devices?cursor=… (90,000 rows deep)" "${RES[bench-deep]}")
$(line "   device GET /devices?limit=50&cursor=…" "${RES[bench-deep-call1]}")

first load, as transferred with Accept-Encoding: $ACCEPT_ENCODING (target <= 200 KB)
  quarkus.http.enable-compression=${COMPRESSION:-false (not set)}
  /console.css: $CSS_LINE
  /webjars/htmx.org/dist/htmx.min.js: $JS_LINE
TXT
for row in "${PAGES[@]}"; do
  IFS='|' read -r name path marker calls <<<"$row"
  load_line "$name" "$(shown "$path")"
done
load_line bench-first "/devices (100,000 devices)"
cat <<TXT

RSS after the run (MB): console ${RSS[console]} (demo pages), console ${RSS[console-bench]} (100,000 devices);
  partner-service ${RSS[partner-service]}, sharing-service ${RSS[sharing-service]}, device-service ${RSS[device-service]}, project-service ${RSS[project-service]}, notification-service ${RSS[notification-service]}, device-service on 100,000 devices ${RSS[device-bench]}
TXT
} | tee "$OUT/summary.txt"
