#!/usr/bin/env bash
# Demo data for ./devshare up, created through the services' own APIs with real tokens (idempotent).
# The organizations and people themselves come with the realm (deploy/keycloak/devshare-realm.json).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck disable=SC1090
source "$(DEVSHARE_PROFILE=dev "$REPO/deploy/local/servers.sh" env)"
PARTNER=http://127.0.0.1:8081

token() {
  curl -fsS -d grant_type=password -d client_id=devshare-console -d "username=$1" -d password=devshare \
    "$DEVSHARE_KEYCLOAK_URL/realms/devshare/protocol/openid-connect/token" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# Acme (contractor) invites RentCo (rental agency); RentCo's dispatcher is told by email.
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$PARTNER/partnerships/invitations" \
  -H "Authorization: Bearer $(token acme-admin)" -H 'Content-Type: application/json' \
  -d '{"partnerAlias":"rentco","notifyEmails":["dispatch@rentco.example"],"message":"We would like to use your excavators on the Riverside site."}')
case "$status" in
  201) echo "   acme invited rentco (mail to dispatch@rentco.example)" ;;
  409) echo "   acme's invitation to rentco is already pending" ;;
  *) echo "error: inviting rentco answered HTTP $status" >&2; exit 1 ;;
esac

# SubCo (subcontractor) connects with Acme using Acme's sharing code: partners at once.
ACME=$(token acme-admin)
code=$(curl -fsS "$PARTNER/partnerships/sharing-code" -H "Authorization: Bearer $ACME" |
  sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$PARTNER/partnerships/connect" \
  -H "Authorization: Bearer $(token subco-admin)" -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}")
case "$status" in
  201) echo "   subco connected with acme by sharing code" ;;
  409) echo "   subco and acme are already partners" ;;
  *) echo "error: connecting subco answered HTTP $status" >&2; exit 1 ;;
esac
