#!/usr/bin/env bash
# Benchmark (issue 5): latency from a share grant's commit in sharing-service to its arrival in device-service's
# projection — outbox, relay (woken by NOTIFY at commit), Kafka, device-service's consumer, device_access.
#
#   benchmarks/share-propagation.sh            # BENCH_SAMPLES=200 grants, one at a time
#
# Starts partner-, sharing- and device-service on databases of their own (partner_prop, sharing_prop,
# device_prop; fresh each run, consumers from the latest offsets), connects acme and rentco by rentco's sharing
# code, registers BENCH_SAMPLES devices of rentco, then times each grant (share-propagation.py). Prints figures;
# asserts nothing. Servers: BENCH_SERVERS_ENV=<servers.env> uses running servers; otherwise the test profile's.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/.local/bench"
SAMPLES=${BENCH_SAMPLES:-200}
mkdir -p "$OUT"
if [[ -n "${BENCH_SERVERS_ENV:-}" ]]; then
  # shellcheck disable=SC1090
  source "$BENCH_SERVERS_ENV"
else
  DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" start >/dev/null
  # shellcheck disable=SC1090
  source "$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" env)"
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
psql_super() { PGPASSWORD=devshare "$PGBIN/psql" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U devshare "$@"; }

declare -A PORT=([partner-service]=18281 [sharing-service]=18282 [device-service]=18283)
declare -A DB=([partner-service]=partner [sharing-service]=sharing [device-service]=device)
# The channels each one consumes (an environment variable for a channel a service lacks would declare a new one).
declare -A CHANNELS=([partner-service]="" [sharing-service]="partner-events device-events"
  [device-service]="sharing-events project-events")
for svc in partner-service sharing-service device-service; do
  [[ -f "$REPO/$svc/target/quarkus-app/quarkus-run.jar" ]] || (cd "$REPO" && ./mvnw -B -q -pl "$svc" -am package -DskipTests -Dspotless.check.skip=true)
  db=${DB[$svc]}
  psql_super -d postgres -c "DROP DATABASE IF EXISTS ${db}_prop" -c "CREATE DATABASE ${db}_prop OWNER $db"
done

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
group="prop-$$"
for svc in partner-service sharing-service device-service; do
  db=${DB[$svc]}
  (
    cd "$REPO/$svc"
    export QUARKUS_HTTP_PORT=${PORT[$svc]} QUARKUS_DATASOURCE_USERNAME=$db QUARKUS_DATASOURCE_PASSWORD=$db
    export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/${db}_prop"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/${db}_prop"
    export KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" DEVSHARE_KEYCLOAK_URL
    export QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare"
    export DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret
    for ch in ${CHANNELS[$svc]}; do
      v=$(tr 'a-z-' 'A-Z_' <<<"$ch")
      export "MP_MESSAGING_INCOMING_${v}_GROUP_ID=$group" "MP_MESSAGING_INCOMING_${v}_AUTO_OFFSET_RESET=latest"
    done
    exec java -Xmx192m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar
  ) >"$OUT/prop-$svc.log" 2>&1 &
  PIDS+=($!)
done
for svc in partner-service sharing-service device-service; do
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null || { echo "error: $svc not ready (see $OUT/prop-$svc.log)" >&2; exit 1; }
done
# Let the consumers join their groups (latest offsets are taken at assignment).
sleep 5

tok() { curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=devshare-console -d username="$1" -d password=devshare | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'; }
RENTCO=$(tok rentco-admin); ACME=$(tok acme-admin)
OPERATOR=$(curl -fsS "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=devshare-console -d username=operator -d password=devshare | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
echo "== acme connects to rentco by its sharing code; rentco registers $SAMPLES devices"
code=$(curl -fsS -H "Authorization: Bearer $RENTCO" "http://127.0.0.1:18281/partnerships/sharing-code" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $ACME" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\"}" "http://127.0.0.1:18281/partnerships/connect"
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' \
  -d "{\"size\":$((SAMPLES + 100))}" "http://127.0.0.1:18283/operator/organizations/rentco/licences"
: >"$OUT/prop-devices.txt"
for i in $(seq 1 "$SAMPLES"); do
  resp=$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $RENTCO" -H 'Content-Type: application/json' \
    -d "{\"serialNumber\":\"PROP-$$-$i\",\"manufacturer\":\"Bench\",\"model\":\"P\",\"kind\":\"GNSS_ROVER\",\"displayName\":\"Prop $i\",\"tags\":[]}" \
    "http://127.0.0.1:18283/devices")
  [[ ${resp##*$'\n'} == 201 ]] || { echo "error: registering a device answered ${resp##*$'\n'}: ${resp%$'\n'*}" >&2; exit 1; }
  sed -n 's/^{"id":"\([^"]*\)".*/\1/p' <<<"${resp%$'\n'*}" >>"$OUT/prop-devices.txt"
done
[[ $(wc -l <"$OUT/prop-devices.txt") == "$SAMPLES" ]] || { echo "error: registered $(wc -l <"$OUT/prop-devices.txt") of $SAMPLES devices" >&2; exit 1; }
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
echo "== $SAMPLES grants, one at a time: POST /grants (sharing-service) → GET /devices/{id} as acme (device-service)"
RESULT=$(python3 "$REPO/benchmarks/share-propagation.py" "$DEVSHARE_KEYCLOAK_URL" 18282 18283 "$OUT/prop-devices.txt")
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$RESULT"; }
cat <<TXT

share propagation — $(date -u +%FT%TZ), $(nproc) cores; load average before $LOAD_BEFORE, after $(uptime | sed 's/.*load average: //')
  commit of a grant in sharing-service → visible to the grantee in device-service's projection, $(field samples) grants
  p50 $(field p50_ms) ms   p95 $(field p95_ms) ms   p99 $(field p99_ms) ms   max $(field max_ms) ms   (target p99 <= 250 ms; $(field mean_polls) polls per grant on average)
TXT
