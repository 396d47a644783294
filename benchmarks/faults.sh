#!/usr/bin/env bash
# Fault script (issue 13): the whole suite under SIGKILLs, on this machine, loopback only. Prints figures, asserts
# nothing.
#
#   benchmarks/faults.sh
#
# Starts PostgreSQL, Kafka, Keycloak and GreenMail from deploy/local/servers.sh in a profile of their own
# (DEVSHARE_PROFILE=faults: free ports, fresh state, durable commits — its PostgreSQL is killed), the five packaged
# services as processes like ./devshare up (ports 18481-18485, per-organization mail limits off:
# DEVSHARE_LIMITS_ENABLED=false), then benchmarks/faults.py: 16 new organizations in Keycloak, and for each of their
# 120 pairs 17 operations in order through the REST APIs — half of the pairs 3 x (invite with a notify address,
# cancel), invite and accept, 4 x (share a device, revoke it), share it again; the other half, connected by sharing
# code in the set-up, 8 x (share, revoke), share — from 32 workers, paced over the faults, while it kills
# (SIGKILL) and restarts, in turn, each service, the Kafka broker and PostgreSQL (its backends too). Before each kill
# it holds the workers for a second and lets them go at once, so the kill lands with their requests in flight. A
# request without an answer is retried (POSTs that create keep their Idempotency-Key); an answer of "already done"
# to a retried accept, cancel or revoke counts as that operation's answer.
#
# Then it prints: operations acknowledged; mails expected, delivered, lost, duplicated (GreenMail's REST API; one
# per invitation to its notify address, accepted to the inviter's admin, shared to the grantee's, revoked to both;
# counted per address, kind and organizations named in the subject — one device per pair makes that exact);
# projections that disagree with sharing-service's GET /grants (device-service's device_access and project-service's
# access_view, read from their databases); and per fault, how long the target took to come back and every service
# to be ready again after it, without a hand (a service still not ready 180 s later is restarted and named).
#
# Settings (environment): FAULTS_ORGS (16), FAULTS_WORKERS (32), FAULTS_TARGETS (the five services, kafka,
# postgres), FAULTS_DOWN (3 s dead), FAULTS_SETTLE (10 s between faults), FAULTS_KEEP_SERVERS=1 leaves the servers
# running, FAULTS_BUILD=1 rebuilds the services. Logs: .local/faults/services/logs/, .local/faults/logs/.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVERS="$REPO/deploy/local/servers.sh"
SERVICES=(partner-service sharing-service device-service project-service notification-service)

missing=0
for svc in "${SERVICES[@]}"; do [[ -f "$REPO/$svc/target/quarkus-app/quarkus-run.jar" ]] || missing=1; done
if [[ $missing == 1 || ${FAULTS_BUILD:-0} == 1 ]]; then
  echo "== building the services (./mvnw package, tests skipped)"
  (cd "$REPO" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true)
fi
base=${FAULTS_BASE_PORT:-18481}
for port in $(seq "$base" $((base + 4))); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port is in use (FAULTS_BASE_PORT=<port> picks another range of five)" >&2
    exit 1
  fi
done

echo "== servers (profile faults)"
DEVSHARE_PROFILE=faults "$SERVERS" start | tail -n 6
stop_servers() {
  if [[ ${FAULTS_KEEP_SERVERS:-0} != 1 ]]; then
    echo "== stopping the servers (profile faults)"
    DEVSHARE_PROFILE=faults "$SERVERS" stop >/dev/null
  fi
}
trap stop_servers EXIT
PGBIN=${DEVSHARE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}
echo "== faults.py (build $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- . ':!*.md' || echo ', with uncommitted changes'))"
FAULTS_PGBIN="$PGBIN" python3 -u "$REPO/benchmarks/faults.py" "$REPO/.local/faults/servers.env" "$REPO"
