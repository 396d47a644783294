#!/usr/bin/env python3
"""Fault script driver (benchmarks/faults.sh starts the servers and calls this; read that script's header first).

Starts the five packaged services as processes (like ./devshare up, on ports of their own, with per-organization
mail limits off), creates organizations in Keycloak, then drives partner invitations (with notifyEmails), cancels,
accepts, shares and revokes through the REST APIs from many threads, while it SIGKILLs and restarts, in turn, each
service, the Kafka broker and PostgreSQL. Then it prints: operations acknowledged, mails expected / delivered /
duplicated (GreenMail's REST API), projections that disagree with sharing-service's GET /grants (device-service's
device_access, project-service's access_view), and the time until every service was ready again without a hand.
It asserts nothing: it prints figures (exit 0 unless the script itself could not run).

Loopback only; bounded: FAULTS_ORGS organizations (16 → 120 pairs), 17 operations per pair, at most
FAULTS_WORKERS requests in flight, a pace that spreads the work over the faults.
"""
import email
import email.policy
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

SERVERS_ENV, REPO = sys.argv[1], sys.argv[2]
ENV = {}
with open(SERVERS_ENV) as f:
    for line in f:
        if "=" in line:
            k, v = line.strip().split("=", 1)
            ENV[k] = v
STATE = os.path.join(REPO, ".local", "faults")
SVC_DIR = os.path.join(STATE, "services")
KC = ENV["DEVSHARE_KEYCLOAK_URL"]
MAIL_API = ENV["DEVSHARE_MAIL_API_URL"]
PG_PORT = ENV["DEVSHARE_PG_PORT"]
PGBIN = os.environ.get("FAULTS_PGBIN")

ORGS = int(os.environ.get("FAULTS_ORGS", "16"))
WORKERS = int(os.environ.get("FAULTS_WORKERS", "32"))
DOWN = float(os.environ.get("FAULTS_DOWN", "3"))            # seconds a killed target stays dead
SETTLE = float(os.environ.get("FAULTS_SETTLE", "10"))       # seconds of normal running between two faults
CYCLE_GUESS = float(os.environ.get("FAULTS_CYCLE_GUESS", "60"))  # seconds one fault takes, to pace the work
INVITE_CYCLES, GRANT_CYCLES = 3, 4  # 2 x 3 + 2 = 2 x 4: both kinds of chain have 17 operations
OPS_PER_PAIR = 2 * INVITE_CYCLES + 2 + 2 * GRANT_CYCLES + 1
PATIENCE = float(os.environ.get("FAULTS_OP_PATIENCE", "240"))  # seconds an operation is retried before given up
RUN = uuid.uuid4().hex[:6]
BASE_PORT = int(os.environ.get("FAULTS_BASE_PORT", "18481"))

SERVICES = ["partner-service", "sharing-service", "device-service", "project-service", "notification-service"]
DB = {"partner-service": "partner", "sharing-service": "sharing", "device-service": "device",
      "project-service": "project", "notification-service": "notification"}
PORT = {s: BASE_PORT + i for i, s in enumerate(SERVICES)}
URL = {s: f"http://127.0.0.1:{PORT[s]}" for s in SERVICES}
T0 = time.monotonic()


def now():
    return time.monotonic() - T0


def say(msg):
    print(f"[{now():7.1f}s] {msg}", flush=True)


# ------------------------------------------------------------------------------------------------------------------
# HTTP, counting the requests in flight (in all and per service)
INFLIGHT_LOCK = threading.Lock()
INFLIGHT = {"all": 0}


def http(method, url, token=None, body=None, headers=None, form=None, timeout=30.0, service=None, counted=True):
    """Answers (status, parsed body or text); status 0 when the connection failed or timed out."""
    data = None
    req_headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        req_headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        req_headers["Content-Type"] = "application/json"
    if token:
        req_headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=data, method=method, headers=req_headers)
    if counted:
        with INFLIGHT_LOCK:
            INFLIGHT["all"] += 1
            if service:
                INFLIGHT[service] = INFLIGHT.get(service, 0) + 1
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, _parse(r.read())
    except urllib.error.HTTPError as e:
        return e.code, _parse(e.read())
    except Exception as e:  # refused, reset, timed out: no answer
        return 0, str(e)
    finally:
        if counted:
            with INFLIGHT_LOCK:
                INFLIGHT["all"] -= 1
                if service:
                    INFLIGHT[service] -= 1


def _parse(raw):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


# ------------------------------------------------------------------------------------------------------------------
# Keycloak: organizations, users, tokens
def kc_admin_token():
    s, b = http("POST", KC + "/realms/master/protocol/openid-connect/token",
                form={"grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": "admin"})
    if s != 200:
        sys.exit(f"error: Keycloak admin login: HTTP {s} {b}")
    return b["access_token"]


def kc_create(token, path, body):
    req = urllib.request.Request(KC + "/admin/realms/devshare" + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        loc = r.headers.get("Location", "")
        return loc.rsplit("/", 1)[-1]


def kc_call(token, method, path, body=None):
    s, b = http(method, KC + "/admin/realms/devshare" + path, token=token, body=body, timeout=30)
    if s >= 300 or s == 0:
        sys.exit(f"error: Keycloak {method} {path}: HTTP {s} {b}")
    return b


class Org:
    def __init__(self, i):
        self.alias = f"f{RUN}o{i:02d}"
        self.name = f"Faults Org {i:02d} {RUN}"
        self.domain = f"{self.alias}.faults.example"
        self.admin = f"{self.alias}-admin"
        self.email = f"{self.admin}@{self.domain}"


def create_orgs():
    tok = kc_admin_token()
    role = kc_call(tok, "GET", "/roles/org-admin")
    orgs = []
    for i in range(ORGS):
        o = Org(i)
        org_id = kc_create(tok, "/organizations", {"name": o.name, "alias": o.alias, "enabled": True,
                                                  "domains": [{"name": o.domain, "verified": True}]})
        user_id = kc_create(tok, "/users", {
            "username": o.admin, "email": o.email, "firstName": "Faults", "lastName": o.alias, "enabled": True,
            "emailVerified": True, "credentials": [{"type": "password", "value": "devshare", "temporary": False}]})
        kc_call(tok, "POST", f"/users/{user_id}/role-mappings/realm", [role])
        kc_call(tok, "POST", f"/organizations/{org_id}/members", user_id)
        orgs.append(o)
    return orgs


TOKENS = {}
TOKENS_LOCK = threading.Lock()


def token(user):
    with TOKENS_LOCK:
        t = TOKENS.get(user)
        if t and time.monotonic() - t[1] < 300:
            return t[0]
    for _ in range(30):
        s, b = http("POST", KC + "/realms/devshare/protocol/openid-connect/token",
                    form={"grant_type": "password", "client_id": "devshare-console", "username": user,
                          "password": "devshare"})
        if s == 200:
            with TOKENS_LOCK:
                TOKENS[user] = (b["access_token"], time.monotonic())
            return b["access_token"]
        time.sleep(1)
    raise RuntimeError(f"no token for {user}")


# ------------------------------------------------------------------------------------------------------------------
# The services as processes
PROCS = {}
JAVA_OPTS = os.environ.get("DEVSHARE_SERVICE_JAVA_OPTS", "@" + os.path.join(REPO, "deploy/jvm/service.options"))


def start_service(svc):
    db = DB[svc]
    work = os.path.join(SVC_DIR, "work", svc)
    os.makedirs(work, exist_ok=True)
    os.makedirs(os.path.join(SVC_DIR, "logs"), exist_ok=True)
    env = dict(os.environ)
    env.update({
        "QUARKUS_HTTP_PORT": str(PORT[svc]),
        "QUARKUS_DATASOURCE_USERNAME": db, "QUARKUS_DATASOURCE_PASSWORD": db,
        "QUARKUS_DATASOURCE_REACTIVE_URL": f"postgresql://127.0.0.1:{PG_PORT}/{db}",
        "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/{db}",
        "KAFKA_BOOTSTRAP_SERVERS": ENV["DEVSHARE_KAFKA_BOOTSTRAP"],
        "QUARKUS_OIDC_AUTH_SERVER_URL": KC + "/realms/devshare",
        "DEVSHARE_KEYCLOAK_URL": KC,
        "DEVSHARE_SERVICES_CLIENT_SECRET": "devshare-services-local-secret",
        "QUARKUS_MAILER_HOST": ENV["DEVSHARE_SMTP_HOST"], "QUARKUS_MAILER_PORT": ENV["DEVSHARE_SMTP_PORT"],
        "DEVSHARE_PROJECT_SERVICE_URL": URL["project-service"],
        # another engineer's per-organization mail limits (partner-service): off, this script sends thousands
        "DEVSHARE_LIMITS_ENABLED": "false",
        "MALLOC_ARENA_MAX": "2",
    })
    log = open(os.path.join(SVC_DIR, "logs", svc + ".log"), "ab")
    log.write(f"=== {time.strftime('%FT%T')} faults.py starts {svc}\n".encode())
    log.flush()
    jar = os.path.join(REPO, svc, "target/quarkus-app/quarkus-run.jar")
    PROCS[svc] = subprocess.Popen(["java", JAVA_OPTS, "-jar", jar], cwd=work, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()


def kill_service(svc):
    p = PROCS[svc]
    os.kill(p.pid, signal.SIGKILL)
    p.wait()


def stop_services():
    for p in PROCS.values():
        if p.poll() is None:
            p.terminate()
    for p in PROCS.values():
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()


# Readiness of every service, polled twice a second: the current state and when each one changed.
READY = {s: False for s in SERVICES}
MONITOR_STOP = threading.Event()


def monitor():
    while not MONITOR_STOP.is_set():
        for s in SERVICES:
            st, _ = http("GET", URL[s] + "/q/health/ready", timeout=2, counted=False)
            READY[s] = st == 200
        MONITOR_STOP.wait(0.5)


def wait_all_ready(timeout, hands=None):
    """Seconds since the start when every service answered ready, or None after {timeout}. With {hands}, a service
    whose process exited meanwhile is started again and named there (a hand)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hands is not None:
            for s in SERVICES:
                if PROCS[s].poll() is not None:
                    say(f"{s} exited (code {PROCS[s].returncode}); starting it again")
                    hands.append(f"{s} exited, restarted")
                    start_service(s)
        if all(READY[s] and PROCS[s].poll() is None for s in SERVICES):
            return now()
        time.sleep(0.1)
    return None


# ------------------------------------------------------------------------------------------------------------------
# The servers (deploy/local/servers.sh, profile faults)
def server_pid(name):
    with open(os.path.join(STATE, "run", name + ".pid")) as f:
        return int(f.read().strip())


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def kill_server(name):
    pid = server_pid(name)
    pids = [pid] + (children(pid) if name == "postgres" else [])  # PostgreSQL: the postmaster and its backends
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for _ in range(100):
        if not any(alive(p) for p in pids):
            break
        time.sleep(0.1)


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def start_server(name):
    r = subprocess.run([os.path.join(REPO, "deploy/local/servers.sh"), "start", name],
                       env=dict(os.environ, DEVSHARE_PROFILE="faults"), capture_output=True, text=True)
    if r.returncode != 0:
        say(f"servers.sh start {name} failed: {r.stderr.strip()[-300:]}")
    return r.returncode == 0


# ------------------------------------------------------------------------------------------------------------------
# Pace: a token bucket whose rate the fault loop sets, and a gate that holds every worker for a moment before a kill
# so that the kill lands while many requests are in flight.
class Pace:
    def __init__(self, rate):
        self.rate = rate
        self.cond = threading.Condition()
        self.next = time.monotonic()
        self.open = True
        self.free = 0  # requests let through at once when the gate opens

    def acquire(self):
        with self.cond:
            while True:
                t = time.monotonic()
                if not self.open:
                    self.cond.wait()
                elif self.free > 0:
                    self.free -= 1
                    return
                elif self.next <= t:
                    self.next = max(self.next, t - 1.0) + 1.0 / self.rate
                    return
                else:
                    self.cond.wait(self.next - t)

    def burst(self, hold):
        """Holds every worker for {hold} seconds, then lets them all go at once."""
        with self.cond:
            self.open = False
        time.sleep(hold)
        with self.cond:
            self.free = WORKERS
            self.open = True
            self.cond.notify_all()


PACE = Pace(20.0)

# ------------------------------------------------------------------------------------------------------------------
# The workload: per pair of organizations (a, b), one chain of 17 operations in order
STATS_LOCK = threading.Lock()
STATS = {"acknowledged": 0, "given_up": 0, "attempts": 0, "retried": 0, "answer_lost": 0, "waited_projection": 0,
         "key_not_replayed": 0}
BY_KIND = {}
EXPECTED = {}          # (address, kind, key) -> mails expected
ACTIVE = {}            # grant id -> (owner, grantee, device) expected active at the end
FAILURES = []
DONE_OPS = [0]


def expect(address, kind, key):
    with STATS_LOCK:
        EXPECTED[(address, kind, key)] = EXPECTED.get((address, kind, key), 0) + 1


class GiveUp(Exception):
    pass


def operation(kind, attempt):
    """Runs attempt() until it answers ('ok', value); ('retry', why) tries again (same Idempotency-Key, if any)."""
    deadline = time.monotonic() + PATIENCE
    tries = 0
    last = None
    while True:
        PACE.acquire()
        tries += 1
        verdict, value = attempt(tries)
        with STATS_LOCK:
            STATS["attempts"] += 1
        if verdict == "ok":
            with STATS_LOCK:
                STATS["acknowledged"] += 1
                BY_KIND[kind] = BY_KIND.get(kind, 0) + 1
                if tries > 1:
                    STATS["retried"] += 1
                DONE_OPS[0] += 1
            return value
        last = value
        if verdict == "fail" or time.monotonic() > deadline:
            with STATS_LOCK:
                STATS["given_up"] += 1
                FAILURES.append(f"{kind}: {last}")
            raise GiveUp(f"{kind}: {last}")
        time.sleep(min(0.25 * tries, 2.0))


def problem_type(body):
    return body.get("type", "") if isinstance(body, dict) else ""


def transient(status, body=None):
    """No answer, a server error, or a retry of a request that is still being processed (Idempotency-Key)."""
    return (status == 0 or status >= 500 or status in (401, 408, 429)
            or (status == 409 and problem_type(body).endswith("idempotent-request-in-progress")))


INVITE_SEQ = itertools.count()
INVITE_ADDRS = []


def invite(a, b):
    key = str(uuid.uuid4())
    addr = f"inv-{RUN}-{next(INVITE_SEQ):05d}@notify.faults.example"
    with STATS_LOCK:
        INVITE_ADDRS.append(addr)

    def attempt(tries):
        s, body = http("POST", URL["partner-service"] + "/partnerships/invitations", token(a.admin),
                       body={"partnerAlias": b.alias, "notifyEmails": [addr], "message": "Fault script " + RUN},
                       headers={"Idempotency-Key": key}, service="partner-service")
        if s == 201:
            return "ok", body["id"]
        if s == 409 and tries > 1 and problem_type(body).endswith("invitation-pending") and body.get("invitationId"):
            # An attempt without an answer created it, but its key was not kept: the retry ran again.
            with STATS_LOCK:
                STATS["key_not_replayed"] += 1
            return "ok", body["invitationId"]
        return ("retry" if transient(s, body) else "fail"), f"POST invitation HTTP {s} {body}"

    inv = operation("invite", attempt)
    expect(addr, "invitation", addr)
    return inv


def answer_invitation(kind, user, inv, done_status):
    def attempt(tries):
        s, body = http("POST", URL["partner-service"] + f"/partnerships/invitations/{inv}/{kind}", token(user),
                       service="partner-service")
        if s == 200:
            return "ok", body
        if s == 409 and tries > 1 and isinstance(body, dict) and body.get("invitationStatus") == done_status:
            with STATS_LOCK:
                STATS["answer_lost"] += 1  # an earlier attempt did it; its answer was lost with the process
            return "ok", body
        return ("retry" if transient(s, body) else "fail"), f"{kind} HTTP {s} {body}"

    return operation(kind, attempt)


def share(a, b, device, device_name):
    key = str(uuid.uuid4())

    def attempt(tries):
        s, body = http("POST", URL["sharing-service"] + "/grants", token(a.admin),
                       body={"granteeOrg": b.alias, "deviceIds": [device], "role": "viewer"},
                       headers={"Idempotency-Key": key}, service="sharing-service")
        if s == 201:
            return "ok", body["grants"][0]["id"]
        # sharing-service learns partnerships and devices from events: not yet is not an error
        if (s == 409 and problem_type(body).endswith("not-partners")) or s == 404:
            with STATS_LOCK:
                STATS["waited_projection"] += 1
            return "retry", f"share HTTP {s} {problem_type(body)}"
        if s == 409 and tries > 1 and problem_type(body).endswith("/already-shared"):
            # An attempt without an answer shared it, but its key was not kept: the retry ran again.
            grant = active_grant(a, b, device)
            if grant:
                with STATS_LOCK:
                    STATS["key_not_replayed"] += 1
                return "ok", grant
        return ("retry" if transient(s, body) else "fail"), f"share HTTP {s} {body}"

    grant = operation("share", attempt)
    expect(b.email, "granted", f"{a.name} -> {b.name}")
    with STATS_LOCK:
        ACTIVE[grant] = (a.alias, b.alias, device)
    return grant


def active_grant(a, b, device):
    cursor = None
    while True:
        q = "/grants?direction=outgoing&status=ACTIVE&limit=100" + (f"&cursor={cursor}" if cursor else "")
        s, body = http("GET", URL["sharing-service"] + q, token(a.admin), service="sharing-service")
        if s != 200:
            return None
        for g in body["items"]:
            if g["deviceId"] == device and g["granteeOrg"] == b.alias:
                return g["id"]
        cursor = body.get("nextCursor")
        if not cursor:
            return None


def revoke(a, b, grant, device_name):
    def attempt(tries):
        s, body = http("POST", URL["sharing-service"] + f"/grants/{grant}/revoke", token(a.admin),
                       service="sharing-service")
        if s == 200:
            return "ok", None
        if s == 409 and tries > 1:
            s2, g = http("GET", URL["sharing-service"] + f"/grants/{grant}", token(a.admin), service="sharing-service")
            if s2 == 200 and g.get("status") == "REVOKED":
                with STATS_LOCK:
                    STATS["answer_lost"] += 1
                return "ok", None
        return ("retry" if transient(s, body) else "fail"), f"revoke HTTP {s} {body}"

    operation("revoke", attempt)
    expect(a.email, "revoked", f"{a.name} -> {b.name}")
    expect(b.email, "revoked", f"{a.name} -> {b.name}")
    with STATS_LOCK:
        ACTIVE.pop(grant, None)


def chain(a, b, device, device_name, connected):
    """17 operations: a pair that became partners by sharing code in the set-up only shares and revokes (8 times,
    then shares); the others first invite and cancel (3 times), invite and accept, then share and revoke (4 times)
    and share. Half of each, so partner- and sharing-service are both busy all along."""
    try:
        cycles = 2 * GRANT_CYCLES
        if not connected:
            cycles = GRANT_CYCLES
            for _ in range(INVITE_CYCLES):
                inv = invite(a, b)
                answer_invitation("cancel", a.admin, inv, "CANCELLED")
            inv = invite(a, b)
            answer_invitation("accept", b.admin, inv, "ACCEPTED")
            expect(a.email, "accepted", b.name)
        for _ in range(cycles):
            g = share(a, b, device, device_name)
            revoke(a, b, g, device_name)
        share(a, b, device, device_name)
    except GiveUp as e:
        say(f"pair {a.alias}/{b.alias} stopped: {e}")
    except Exception as e:  # a bug here must not hide the figures
        with STATS_LOCK:
            FAILURES.append(f"chain {a.alias}/{b.alias}: {e!r}")
        say(f"pair {a.alias}/{b.alias} broke: {e!r}")


def connect_by_code(pairs):
    """Partners by the invitee's sharing code (set-up, not counted; no mail)."""
    def connect(pair):
        a, b = pair
        s, body = http("GET", URL["partner-service"] + "/partnerships/sharing-code", token(b.admin), timeout=60)
        if s != 200:
            raise SystemExit(f"error: sharing code of {b.alias}: HTTP {s} {body}")
        s, body = http("POST", URL["partner-service"] + "/partnerships/connect", token(a.admin), timeout=60,
                       body={"code": body["code"]})
        if s != 201:
            raise SystemExit(f"error: {a.alias} connecting to {b.alias}: HTTP {s} {body}")

    with ThreadPoolExecutor(4) as ex:
        list(ex.map(connect, pairs))


def register_devices(orgs, pairs):
    """One device per pair, owned by its inviter (set-up, not counted)."""
    op = token("operator")
    per_owner = {}
    for a, _ in pairs:
        per_owner[a.alias] = per_owner.get(a.alias, 0) + 1
    for o in orgs:
        s, body = http("PUT", URL["device-service"] + f"/operator/organizations/{o.alias}/licences", op,
                       body={"size": per_owner.get(o.alias, 0) + 5})
        if s != 200:
            sys.exit(f"error: licences for {o.alias}: HTTP {s} {body}")
    devices = []

    def register(i, a):
        name = f"FD-{RUN}-p{i:03d}"
        for _ in range(10):
            s, body = http("POST", URL["device-service"] + "/devices", token(a.admin), timeout=60,
                           body={"serialNumber": name, "manufacturer": "Faults", "model": "K9", "kind": "GNSS_ROVER",
                                 "displayName": name, "tags": ["faults"]})
            if s == 201:
                return body["id"], name
            if s == 409:  # an attempt without an answer registered it
                cursor = None
                while True:
                    q = "/devices?ownership=owned&limit=100" + (f"&cursor={cursor}" if cursor else "")
                    s2, page = http("GET", URL["device-service"] + q, token(a.admin), timeout=60)
                    if s2 != 200:
                        break
                    for d in page["items"]:
                        if d["serialNumber"] == name:
                            return d["id"], name
                    cursor = page.get("nextCursor")
                    if not cursor:
                        break
            if not transient(s):
                break
            time.sleep(2)
        raise SystemExit(f"error: registering {name}: HTTP {s} {body}")

    with ThreadPoolExecutor(4) as ex:
        devices = list(ex.map(lambda ia: register(ia[0], ia[1][0]), enumerate(pairs)))
    return devices


# ------------------------------------------------------------------------------------------------------------------
# Faults
FAULTS = []


CYCLES = []  # seconds each fault took, kill to the end of its settling time


def fault(target, remaining_ops, remaining_faults):
    # pace: spread what is left over the faults still to come, at the length the faults so far took
    cycle = sum(CYCLES) / len(CYCLES) if CYCLES else CYCLE_GUESS
    PACE.rate = max(2.0, remaining_ops / max(1.0, remaining_faults * cycle))
    t_cycle = time.monotonic()
    # hold every worker a moment, let them all go at once, and kill while their requests are in flight
    PACE.burst(1.0)
    time.sleep(0.15)
    with INFLIGHT_LOCK:
        inflight_all = INFLIGHT["all"]
        inflight_target = INFLIGHT.get(target, 0)
    ops_before = DONE_OPS[0]
    t_kill = now()
    if target in SERVICES:
        kill_service(target)
    else:
        kill_server(target)
    say(f"killed {target} (SIGKILL) with {inflight_all} requests in flight ({inflight_target} to it)")
    time.sleep(DOWN)
    t_restart = now()
    hand = []
    if target in SERVICES:
        start_service(target)
        deadline = time.monotonic() + 180
        while not READY[target] and time.monotonic() < deadline:
            if PROCS[target].poll() is not None:
                say(f"{target} exited again during its start (code {PROCS[target].returncode}); starting it again")
                hand.append(f"{target} exited during its restart, restarted")
                start_service(target)
            time.sleep(0.1)
        t_dep = now() if READY[target] else None
    else:
        ok = start_server(target)
        t_dep = now() if ok else None
    t_all = wait_all_ready(180, hand) if t_dep is not None else None
    if t_all is None:
        # not back on their own: restart those that are not ready (a hand), so that the run can go on
        stuck = [s for s in SERVICES if not READY[s]]
        hand += [f"{s} not ready, restarted" for s in stuck]
        for s in stuck:
            if PROCS[s].poll() is None:
                kill_service(s)
            start_service(s)
        wait_all_ready(180, hand)
    rec = {"target": target, "inflight": inflight_all, "inflight_target": inflight_target,
           "dep_ready": None if t_dep is None else t_dep - t_restart,
           "all_ready": None if t_all is None else t_all - t_dep, "hand": hand,
           "ops_during": DONE_OPS[0] - ops_before, "outage": (t_all or now()) - t_kill}
    FAULTS.append(rec)
    say(f"{target}: back {fmt(rec['dep_ready'])} s after its restart; every service ready "
        f"{fmt(rec['all_ready'])} s after that{'; a hand restarted ' + ', '.join(hand) if hand else ''}")
    time.sleep(SETTLE)
    CYCLES.append(time.monotonic() - t_cycle)


def fmt(x):
    return "—" if x is None else f"{x:.1f}"


# ------------------------------------------------------------------------------------------------------------------
# Checks after the run
# One device per pair of organizations, so a share mail is known by its kind and the two names in its subject.
ORG_NAME = r"(Faults Org \d\d [0-9a-f]{6})"
GRANTED = re.compile(ORG_NAME + r" shared .* with " + ORG_NAME + " on Devshare")
REVOKED = re.compile(ORG_NAME + r" revoked the share of .* with " + ORG_NAME)


def inbox(address):
    s, body = http("GET", MAIL_API + "/api/user/" + urllib.parse.quote(address) + "/messages/INBOX", timeout=30)
    if s in (400, 404):
        return []
    if s != 200:
        raise RuntimeError(f"GreenMail: HTTP {s} for {address}")
    subjects = []
    for m in body:
        msg = email.message_from_string(m.get("mimeMessage", ""), policy=email.policy.default)
        subjects.append(str(msg["subject"] or m.get("subject", "")))
    return subjects


def mail_counts(orgs):
    addresses = {k[0] for k in EXPECTED} | {o.email for o in orgs} | set(INVITE_ADDRS)
    got = {}
    other = 0
    for addr in addresses:
        for subj in inbox(addr):
            if addr.startswith("inv-"):
                key = (addr, "invitation", addr)
            elif " accepted the invitation from " in subj:
                key = (addr, "accepted", subj.split(" accepted the invitation from ")[0])
            elif REVOKED.search(subj):
                m = REVOKED.search(subj)
                key = (addr, "revoked", f"{m.group(1)} -> {m.group(2)}")
            elif GRANTED.search(subj):
                m = GRANTED.search(subj)
                key = (addr, "granted", f"{m.group(1)} -> {m.group(2)}")
            else:
                key = (addr, "other", subj)
            got[key] = got.get(key, 0) + 1
    expected = sum(EXPECTED.values())
    delivered = sum(min(got.get(k, 0), n) for k, n in EXPECTED.items())
    duplicated = sum(max(0, got.get(k, 0) - n) for k, n in EXPECTED.items())
    unexpected = sum(n for k, n in got.items() if k not in EXPECTED)
    return expected, delivered, duplicated, unexpected, got


def psql(db, sql):
    r = subprocess.run([os.path.join(PGBIN, "psql"), "-X", "-tA", "-F", ",", "-h", "127.0.0.1", "-p", PG_PORT,
                        "-U", "devshare", "-d", db, "-c", sql], env=dict(os.environ, PGPASSWORD="devshare"),
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return {tuple(line.split(",")) for line in r.stdout.split()}


def projections(orgs):
    aliases = ",".join(f"'{o.alias}'" for o in orgs)
    sharing = set()
    for o in orgs:
        cursor = None
        while True:
            q = "/grants?direction=outgoing&status=ACTIVE&limit=100" + (f"&cursor={cursor}" if cursor else "")
            s, body = http("GET", URL["sharing-service"] + q, token(o.admin))
            if s != 200:
                raise RuntimeError(f"GET /grants: HTTP {s} {body}")
            for g in body["items"]:
                sharing.add((g["id"], g["deviceId"], g["granteeOrg"]))
            cursor = body.get("nextCursor")
            if not cursor:
                break
    device = psql("device", f"SELECT grant_id, device_id, grantee_org FROM device_access WHERE owner_org IN ({aliases})")
    project = psql("project", "SELECT grant_id, device_id, grantee_org FROM access_view"
                              f" WHERE NOT revoked AND owner_org IN ({aliases})")
    expected = {(g, d, b) for g, (_, b, d) in ACTIVE.items()}
    return {"sharing vs acknowledged": len(sharing ^ expected), "device-service": len(device ^ sharing),
            "project-service": len(project ^ sharing), "active grants": len(sharing),
            "examples": [f"device-service {'has' if x in device else 'lacks'} grant {x[0]} (device {x[1]}, to {x[2]})"
                         for x in list(device ^ sharing)[:3]]
            + [f"project-service {'has' if x in project else 'lacks'} grant {x[0]} (device {x[1]}, to {x[2]})"
               for x in list(project ^ sharing)[:3]]
            + [f"sharing-service {'has' if x in sharing else 'lacks'} grant {x[0]} (device {x[1]}, to {x[2]})"
               for x in list(sharing ^ expected)[:3]]}


# ------------------------------------------------------------------------------------------------------------------
def main():
    targets = os.environ.get("FAULTS_TARGETS", " ".join(SERVICES + ["kafka", "postgres"])).split()
    say(f"run {RUN}: starting the five services on ports {BASE_PORT}-{BASE_PORT + 4} (logs {SVC_DIR}/logs)")
    for s in SERVICES:
        start_service(s)
    threading.Thread(target=monitor, daemon=True).start()
    startup_restarts = []
    if wait_all_ready(300, startup_restarts) is None:
        not_ready = [s for s in SERVICES if not READY[s]]
        stop_services()
        sys.exit(f"error: not ready after 300 s: {not_ready} (logs in {SVC_DIR}/logs)")
    say(f"every service ready{'; started again: ' + ', '.join(startup_restarts) if startup_restarts else ''}; "
        "creating organizations in Keycloak")
    orgs = create_orgs()
    pairs = [(orgs[i], orgs[j]) for i in range(len(orgs)) for j in range(i + 1, len(orgs))]
    random.Random(RUN).shuffle(pairs)
    pairs = [(a, b) if k % 2 == 0 else (b, a) for k, (a, b) in enumerate(pairs)]
    devices = register_devices(orgs, pairs)
    connect_by_code(pairs[1::2])
    total_ops = len(pairs) * OPS_PER_PAIR
    say(f"{len(orgs)} organizations, {len(pairs)} pairs, {len(devices)} devices; {total_ops} operations, "
        f"{WORKERS} workers; faults in turn: {' '.join(targets)}")
    PACE.rate = max(2.0, total_ops / ((len(targets) + 0.5) * CYCLE_GUESS))
    t_work = time.monotonic()
    pool = ThreadPoolExecutor(WORKERS)
    futures = [pool.submit(chain, a, b, d, n, k % 2 == 1) for k, ((a, b), (d, n)) in enumerate(zip(pairs, devices))]
    time.sleep(CYCLE_GUESS / 2)
    for i, target in enumerate(targets):
        fault(target, total_ops - DONE_OPS[0], len(targets) - i)
    PACE.rate = 1000.0
    say(f"faults done; {DONE_OPS[0]} of {total_ops} operations acknowledged so far, finishing the rest")
    for f in futures:
        f.result()
    pool.shutdown()
    work_s = time.monotonic() - t_work
    say(f"workload done in {work_s:.0f} s; waiting for the mails and the projections to settle")

    # mails: until all expected arrived, or nothing changed for 60 s (at most 10 min)
    last, last_change, deadline = None, time.monotonic(), time.monotonic() + 600
    while True:
        expected, delivered, duplicated, unexpected, got = mail_counts(orgs)
        if (delivered, duplicated) != last:
            last, last_change = (delivered, duplicated), time.monotonic()
        if delivered == expected or time.monotonic() - last_change > 60 or time.monotonic() > deadline:
            break
        time.sleep(10)
    time.sleep(5)  # a late duplicate
    expected, delivered, duplicated, unexpected, got = mail_counts(orgs)
    # projections: until they agree, or 90 s
    deadline = time.monotonic() + 90
    while True:
        proj = projections(orgs)
        if all(v == 0 for k, v in proj.items() if k not in ("active grants", "examples")) \
                or time.monotonic() > deadline:
            break
        time.sleep(5)
    MONITOR_STOP.set()

    lost = expected - delivered
    print()
    print(f"fault script — run {RUN}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"load average {open('/proc/loadavg').read().split()[:3]}")
    print(f"  workload: {len(orgs)} organizations, {len(pairs)} pairs x {OPS_PER_PAIR} operations (half of the pairs "
          f"invite first, half were connected by sharing code), {WORKERS} workers, "
          f"{work_s:.0f} s, {STATS['acknowledged'] / work_s:.1f} acknowledged/s; targets killed (SIGKILL, {DOWN:.0f} s down, then restarted) in turn: {' '.join(targets)}")
    print(f"  operations acknowledged: {STATS['acknowledged']} of {total_ops} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(BY_KIND.items()))}); given up: {STATS['given_up']}; "
          f"answered after a retry: {STATS['retried']}, of which done by an attempt whose answer was lost: "
          f"{STATS['answer_lost']}; retries under an Idempotency-Key that ran again instead of replaying (the "
          f"first attempt had committed, its key record had not): {STATS['key_not_replayed']}; "
          f"{STATS['attempts']} requests")
    print(f"  mails expected {expected}, delivered {delivered}, lost {lost}, duplicated {duplicated}, "
          f"unexpected {unexpected}")
    print(f"  projections disagreeing with sharing-service's GET /grants ({proj['active grants']} active grants): "
          f"device-service {proj['device-service']}, project-service {proj['project-service']}; "
          f"sharing-service vs the acknowledged operations {proj['sharing vs acknowledged']}")
    print("  faults (in flight at the kill: all requests / to the target; ready again: the target after its restart, "
          "then every service after it; a hand: services that had to be restarted):")
    for r in FAULTS:
        print(f"    {r['target']:<21} in flight {r['inflight']:>3} / {r['inflight_target']:>3}   "
              f"target back {fmt(r['dep_ready']):>5} s   every service ready {fmt(r['all_ready']):>5} s later   "
              f"ops acknowledged meanwhile {r['ops_during']:>4}   a hand: {'; '.join(r['hand']) or 'none'}")
    for line in proj["examples"]:
        print("    disagreeing: " + line)
    if FAILURES:
        print(f"  given up ({len(FAILURES)}), first ones:")
        for f in FAILURES[:5]:
            print("    " + f[:300])
    for k, n in [(k, n) for k, n in got.items() if k not in EXPECTED][:5]:
        print(f"    unexpected mail: {k} x{n}")
    for k, n in [(k, n) for k, n in EXPECTED.items() if got.get(k, 0) != n][:5]:
        print(f"    expected {n}, got {got.get(k, 0)}: {k}")
    stop_services()


if __name__ == "__main__":
    try:
        main()
    except BaseException as e:
        stop_services()
        if not isinstance(e, SystemExit):
            import traceback
            traceback.print_exc()
        else:
            print(e, file=sys.stderr)
        os._exit(1)  # the workers' threads would keep the process alive
