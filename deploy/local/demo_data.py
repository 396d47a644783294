#!/usr/bin/env python3
"""Demo data for ./devshare up, created through the services' own APIs with real tokens (idempotent).

The organizations and people come with the realm (deploy/keycloak/devshare-realm.json). This adds:
  acme and rentco partners (invitation accepted), subco and acme partners (sharing code),
  a pending invitation subco -> rentco, rentco's excavator fleet (3 devices in a group) shared with acme as
  operator, one device of acme's own, and acme's project "Riverside earthworks" with rentco's Excavator 1 and
  acme's rover working in it.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request

ENV = {}
with open(sys.argv[1]) as f:  # the servers.env of the dev profile
    for line in f:
        if "=" in line:
            k, v = line.strip().split("=", 1)
            ENV[k] = v
KC = ENV["DEVSHARE_KEYCLOAK_URL"] + "/realms/devshare/protocol/openid-connect/token"
# The dev ports of ./devshare up; DEVSHARE_<SERVICE>_SERVICE_URL (as the console reads them) for services elsewhere,
# e.g. benchmarks/console-pages.sh's on free ports.
PARTNER = os.environ.get("DEVSHARE_PARTNER_SERVICE_URL", "http://127.0.0.1:8081")
SHARING = os.environ.get("DEVSHARE_SHARING_SERVICE_URL", "http://127.0.0.1:8082")
DEVICE = os.environ.get("DEVSHARE_DEVICE_SERVICE_URL", "http://127.0.0.1:8083")
PROJECT = os.environ.get("DEVSHARE_PROJECT_SERVICE_URL", "http://127.0.0.1:8084")
TOKENS = {}


def token(user):
    if user not in TOKENS:
        body = f"grant_type=password&client_id=devshare-console&username={user}&password=devshare".encode()
        with urllib.request.urlopen(urllib.request.Request(KC, data=body)) as r:
            TOKENS[user] = json.load(r)["access_token"]
    return TOKENS[user]


def call(method, url, user, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token(user))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, None


def expect(what, status, ok=(200, 201, 204), tolerated=()):
    if status in ok:
        print(f"   {what}")
    elif status in tolerated:
        print(f"   {what} (already there)")
    else:
        sys.exit(f"error: {what}: HTTP {status}")


def ensure_console_client():
    """The console's client comes with the realm; a realm imported before the console existed gets it here."""
    base = ENV["DEVSHARE_KEYCLOAK_URL"]
    form = b"grant_type=password&client_id=admin-cli&username=admin&password=admin"
    with urllib.request.urlopen(urllib.request.Request(base + "/realms/master/protocol/openid-connect/token",
                                                       data=form)) as r:
        admin = json.load(r)["access_token"]
    clients = base + "/admin/realms/devshare/clients"
    req = urllib.request.Request(clients + "?clientId=devshare-web", headers={"Authorization": "Bearer " + admin})
    with urllib.request.urlopen(req) as r:
        if json.load(r):
            return
    realm = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "keycloak", "devshare-realm.json")
    with open(realm) as f:
        client = next(c for c in json.load(f)["clients"] if c["clientId"] == "devshare-web")
    req = urllib.request.Request(clients, data=json.dumps(client).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + admin, "Content-Type": "application/json"})
    with urllib.request.urlopen(req):
        print("   the console's Keycloak client (devshare-web) added to the realm")


ensure_console_client()


def partners_of(user):
    return {p["partner"]["alias"] for p in call("GET", PARTNER + "/partnerships?limit=100", user)[1]["items"]}


# acme invites rentco; rentco accepts.
if "rentco" not in partners_of("acme-admin"):
    status, body = call("POST", PARTNER + "/partnerships/invitations", "acme-admin",
                        {"partnerAlias": "rentco", "notifyEmails": ["dispatch@rentco.example"],
                         "message": "We would like to use your excavators on the Riverside site."})
    expect("acme invited rentco (mail to dispatch@rentco.example)", status, tolerated=(409,))
    incoming = call("GET", PARTNER + "/partnerships/invitations?direction=incoming&status=PENDING", "rentco-admin")[1]
    for inv in incoming["items"]:
        if inv["inviter"]["alias"] == "acme":
            expect("rentco accepted: acme and rentco are partners",
                   call("POST", PARTNER + f"/partnerships/invitations/{inv['id']}/accept", "rentco-admin")[0])
else:
    print("   acme and rentco are already partners")

# subco connects with acme by acme's sharing code.
code = call("GET", PARTNER + "/partnerships/sharing-code", "acme-admin")[1]["code"]
expect("subco connected with acme by sharing code",
       call("POST", PARTNER + "/partnerships/connect", "subco-admin", {"code": code})[0], tolerated=(409,))

# subco invites rentco: stays pending (rentco's admins are told).
expect("subco invited rentco (pending)",
       call("POST", PARTNER + "/partnerships/invitations", "subco-admin", {"partnerAlias": "rentco"})[0],
       tolerated=(409,))


def device(user, serial, name, kind):
    status, body = call("POST", DEVICE + "/devices", user,
                        {"serialNumber": serial, "manufacturer": "Trimble", "model": "EC520", "kind": kind,
                         "displayName": name, "tags": ["demo"]})
    if status == 201:
        print(f"   {user.split('-')[0]} registered {name}")
        return body["id"]
    if status == 409:
        items = call("GET", DEVICE + "/devices?ownership=owned&limit=100", user)[1]["items"]
        return next(d["id"] for d in items if d["serialNumber"] == serial)
    sys.exit(f"error: registering {serial}: HTTP {status} {body}")


fleet = [device("rentco-admin", f"RC-EXC-00{i}", f"Excavator {i}", "MACHINE_CONTROL") for i in (1, 2, 3)]
device("acme-admin", "AC-ROV-001", "Acme rover 1", "GNSS_ROVER")

status, body = call("POST", DEVICE + "/device-groups", "rentco-admin", {"name": "Excavator fleet"})
if status == 201:
    group = body["id"]
elif status == 409:
    group = next(g["id"] for g in call("GET", DEVICE + "/device-groups?limit=100", "rentco-admin")[1]["items"]
                 if g["name"] == "Excavator fleet")
else:
    sys.exit(f"error: creating the group: HTTP {status}")
for d in fleet:
    call("PUT", DEVICE + f"/device-groups/{group}/devices/{d}", "rentco-admin")
print("   rentco's Excavator fleet group holds its 3 excavators")

# sharing-service learns partnerships and devices from events: retry (up to a minute) until its projections caught up.
for attempt in range(120):
    status, body = call("POST", SHARING + "/grants", "rentco-admin",
                        {"granteeOrg": "acme", "groupId": group, "role": "OPERATOR"})
    if status in (201, 409) and not (status == 409 and body and body.get("type", "").endswith("not-partners")):
        expect("rentco shared the Excavator fleet with acme (operator)", status, tolerated=(409,))
        break
    time.sleep(0.5)
else:
    sys.exit(f"error: sharing the fleet: HTTP {status} {body}")

# acme's project, with the rented Excavator 1 (once project-service learnt the grant) and acme's own rover.
projects = call("GET", PROJECT + "/projects?limit=100", "acme-admin")[1]["items"]
project = next((p["id"] for p in projects if p["name"] == "Riverside earthworks"), None)
if project is None:
    status, body = call("POST", PROJECT + "/projects", "acme-admin",
                        {"name": "Riverside earthworks", "status": "active",
                         "site": {"address": "Riverside Road 12, Springfield"}})
    expect("acme created the project Riverside earthworks", status)
    project = body["id"]
rover = next(d["id"] for d in call("GET", DEVICE + "/devices?ownership=owned&limit=100", "acme-admin")[1]["items"]
             if d["serialNumber"] == "AC-ROV-001")
for name, dev in (("Excavator 1", fleet[0]), ("Acme rover 1", rover)):
    for attempt in range(120):
        status, body = call("POST", PROJECT + f"/projects/{project}/devices", "acme-admin", {"deviceId": dev})
        if status == 201 or (status == 409 and body and body.get("type", "").endswith("device-booked")):
            expect(f"{name} works in Riverside earthworks", status, tolerated=(409,))
            break
        time.sleep(0.5)
    else:
        sys.exit(f"error: assigning {name}: HTTP {status} {body}")
