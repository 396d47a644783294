#!/usr/bin/env bash
# Benchmark of notification-service (issue 7): 10,000 share.granted events → 10,000 mails accepted by SMTP.
#
#   benchmarks/notification-mail.sh [servers.env]        (or NOTIFICATION_BENCH_SERVERS_ENV=...)
#
# Without an argument it uses the test servers (.local/test/servers.env), starting them if needed like
# benchmarks/sharing-access-check.sh; with a servers.env it uses those servers as they are (nothing is started or
# stopped). It builds notification-service if needed, starts it on its own database (notification_bench, created
# afresh) and its own consumer group, gives 100 grantee organizations one notification contact each, produces
# BENCH_EVENTS (10,000) share.granted events to Kafka, each stamped with the time it was produced, and waits until
# every mail is accepted by SMTP. It prints throughput and event-to-SMTP latency (event time → the delivery's
# sent_at, set when the SMTP server accepted the message) p50/p95/p99, and the number of messages GreenMail holds,
# read (and then removed, to keep the shared server's memory low) over IMAP. Nothing here asserts a time.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/benchmarks"
OUT="$REPO/.local/bench"
PORT=${BENCH_PORT:-18085}
EVENTS=${BENCH_EVENTS:-10000}
ORGS=100
RUN=$(date +%s | tail -c 7)
mkdir -p "$OUT"

ENV_FILE=${1:-${NOTIFICATION_BENCH_SERVERS_ENV:-}}
if [[ -z "$ENV_FILE" ]]; then
  echo "== test servers"
  DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" start >/dev/null
  ENV_FILE=$(DEVSHARE_PROFILE=test "$REPO/deploy/local/servers.sh" env)
fi
echo "== servers from $ENV_FILE"
# shellcheck disable=SC1090
source "$ENV_FILE"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
psql_super() { PGPASSWORD=devshare "$PGBIN/psql" -q -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U devshare "$@"; }
psql_bench() { PGPASSWORD=notification "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVSHARE_PG_PORT" -U notification -d notification_bench "$@"; }

JAR="$REPO/notification-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" ]]; then
  echo "== building notification-service"
  (cd "$REPO" && ./mvnw -B -q -o -pl notification-service package -DskipTests -Dspotless.check.skip=true)
fi
KAFKA_CP="$(ls ~/.m2/repository/org/apache/kafka/kafka-clients/*/kafka-clients-*.jar | grep -v sources | sort -V | tail -n1)"
KAFKA_CP="$KAFKA_CP:$(ls ~/.m2/repository/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | grep -v sources | sort -V | tail -n1)"

echo "== fresh database notification_bench"
psql_super -d postgres -c "DROP DATABASE IF EXISTS notification_bench" -c "CREATE DATABASE notification_bench OWNER notification"

APP_PID=""
CLEANER_PID=""
stop_all() {
  if [[ -n "$CLEANER_PID" ]] && kill -0 "$CLEANER_PID" 2>/dev/null; then kill "$CLEANER_PID"; wait "$CLEANER_PID" 2>/dev/null || true; fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
}
trap stop_all EXIT

echo "== starting notification-service (port $PORT, consumer group notification-bench-$RUN)"
GROUP=notification-bench-$RUN
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_USERNAME=notification QUARKUS_DATASOURCE_PASSWORD=notification \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DEVSHARE_PG_PORT/notification_bench" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DEVSHARE_PG_PORT/notification_bench" \
KAFKA_BOOTSTRAP_SERVERS="$DEVSHARE_KAFKA_BOOTSTRAP" \
QUARKUS_OIDC_AUTH_SERVER_URL="$DEVSHARE_KEYCLOAK_URL/realms/devshare" \
DEVSHARE_KEYCLOAK_URL="$DEVSHARE_KEYCLOAK_URL" DEVSHARE_SERVICES_CLIENT_SECRET=devshare-services-local-secret \
QUARKUS_MAILER_HOST="$DEVSHARE_SMTP_HOST" QUARKUS_MAILER_PORT="$DEVSHARE_SMTP_PORT" \
MP_MESSAGING_INCOMING_PARTNER_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_SHARING_EVENTS_GROUP_ID=$GROUP \
MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID=$GROUP MP_MESSAGING_INCOMING_DEVICE_EVENTS_GROUP_ID=$GROUP \
MP_MESSAGING_INCOMING_PARTNER_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_SHARING_EVENTS_AUTO_OFFSET_RESET=latest \
MP_MESSAGING_INCOMING_PROJECT_EVENTS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_DEVICE_EVENTS_AUTO_OFFSET_RESET=latest \
  java ${BENCH_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC} -jar "$JAR" >"$OUT/notification-service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "error: notification-service exited; see $OUT/notification-service.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "error: not ready; see $OUT/notification-service.log" >&2; exit 1; }

echo "== $ORGS grantee organizations, one notification contact each (bench-$RUN-gNN@bench.example)"
psql_bench -c "INSERT INTO notification_settings (org_alias, language, contacts, updated_at)
  SELECT format('nbench-%s-g%s', '$RUN', lpad(n::text, 2, '0')), 'en',
         jsonb_build_array(jsonb_build_object('email', format('bench-%s-g%s@bench.example', '$RUN', lpad(n::text, 2, '0')),
                                              'kinds', jsonb_build_array('share.granted'))), now()
  FROM generate_series(0, $ORGS - 1) n
  UNION ALL SELECT 'nbench-$RUN-warm-g00', 'en', jsonb_build_array(jsonb_build_object('email',
         'bench-$RUN-warm@bench.example', 'kinds', jsonb_build_array('share.granted'))), now()"

echo "== warming up (until the consumer has its partitions and a mail went out)"
for i in $(seq 1 60); do
  java -cp "$KAFKA_CP" "$BENCH/notification-mail-producer.java" "$DEVSHARE_KAFKA_BOOTSTRAP" "$RUN-warm" 1 1 "warm$i" >/dev/null 2>&1
  sleep 2
  [[ $(psql_bench -tA -c "SELECT count(*) FROM mail_delivery WHERE status = 'SENT'") -gt 0 ]] && break
done
psql_bench -c "DELETE FROM mail_delivery"

echo "== background IMAP reader: counts and removes the bench mailboxes' messages as they arrive"
python3 - "$DEVSHARE_SMTP_HOST" "$DEVSHARE_IMAP_PORT" "$RUN" "$ORGS" "$OUT/greenmail-count-$RUN" <<'PY' &
import imaplib, sys, time, signal
host, port, run, orgs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
total = 0; stop = False
def handler(*_):
    global stop; stop = True
signal.signal(signal.SIGTERM, handler)
def sweep():
    global total
    for n in range(orgs):
        user = f"bench-{run}-g{n:02d}@bench.example"
        try:
            m = imaplib.IMAP4(host, port); m.login(user, "bench")
            m.select("INBOX"); _, data = m.search(None, "ALL"); ids = data[0].split()
            if ids:
                m.store(b",".join(ids).decode(), "+FLAGS", "\\Deleted"); m.expunge(); total += len(ids)
            m.logout()
        except imaplib.IMAP4.error:
            pass  # no such mailbox yet
    open(out, "w").write(str(total))
while not stop:
    sweep(); time.sleep(1)
sweep()
PY
CLEANER_PID=$!

echo "== producing $EVENTS share.granted events"
java -cp "$KAFKA_CP" "$BENCH/notification-mail-producer.java" "$DEVSHARE_KAFKA_BOOTSTRAP" "$RUN" "$EVENTS" "$ORGS"
echo "== waiting until every mail is accepted by SMTP"
t0=$(date +%s)
while :; do
  sent=$(psql_bench -tA -c "SELECT count(*) FROM mail_delivery WHERE status = 'SENT' AND event_id LIKE 'bench-$RUN-%'")
  echo "   $sent / $EVENTS sent"
  [[ "$sent" -ge "$EVENTS" ]] && break
  (( $(date +%s) - t0 > 900 )) && { echo "error: not all mails sent after 15 minutes" >&2; break; }
  sleep 5
done
kill "$CLEANER_PID"; wait "$CLEANER_PID" 2>/dev/null || true; CLEANER_PID=""

echo
echo "== results ($EVENTS share.granted events, one mail each, $ORGS recipients; $(nproc) cores, servers and service on one machine)"
psql_bench -P footer=off <<SQL
WITH d AS (
  SELECT event_time, created_at, sent_at,
         extract(epoch FROM sent_at - event_time) * 1000 AS e2e_ms,
         extract(epoch FROM created_at - event_time) * 1000 AS consume_ms
  FROM mail_delivery WHERE event_id LIKE 'bench-$RUN-%' AND status = 'SENT')
SELECT count(*) AS mails_sent,
       round((count(*) / extract(epoch FROM max(sent_at) - min(event_time)))::numeric, 1) AS mails_per_s,
       round(extract(epoch FROM max(sent_at) - min(event_time))::numeric, 1) AS total_s,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY e2e_ms)::numeric, 0) AS e2e_p50_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY e2e_ms)::numeric, 0) AS e2e_p95_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY e2e_ms)::numeric, 0) AS e2e_p99_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY consume_ms)::numeric, 0) AS recorded_p50_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY consume_ms)::numeric, 0) AS recorded_p99_ms
FROM d;
SQL
psql_bench -tA -c "SELECT 'not sent: ' || count(*) FROM mail_delivery WHERE event_id LIKE 'bench-$RUN-%' AND status <> 'SENT'"
echo "messages received by GreenMail (read over IMAP): $(cat "$OUT/greenmail-count-$RUN" 2>/dev/null || echo 0)"
echo "(e2e = event time → SMTP accepted; recorded = event time → delivery row committed by the consumer)"
